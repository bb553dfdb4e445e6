package io.footnote.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.index.ArticleLookup;
import io.footnote.index.ArticleStore;
import io.footnote.index.IndexedDocument;
import io.footnote.embed.OnnxEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Brings the index in line with a corpus folder: new and changed files are read, chunked, embedded and
 * written; unchanged files (same content hash) are left alone, so a restart re-embeds nothing; articles
 * whose file is gone are removed. A file that cannot be read (unsupported, empty, binary, too large,
 * corrupt) is skipped and reported with the reason, never fatal.
 *
 * <p>Crash safety: each article is written as one atomic block, and the index is committed every
 * {@code commitInterval} during a pass, so after a hard kill the index opens at its last commit with whole
 * articles only, and the next pass re-embeds just the articles written after that commit.
 *
 * <p>Not thread-safe: one pass at a time (the caller serialises them). The file-stamp cache lets a rescan
 * of an unchanged folder skip reading files whose size and modification time are as last seen.
 *
 * <p>Embedding dominates the cost, so texts of several articles are gathered into one batch and embedded
 * in parallel by the model's executor.
 */
public final class CorpusIngester {

    /**
     * Bump when parsing, cleaning or sentence splitting changes what is indexed: the index records it and
     * rebuilds itself when it differs, so sentence ids always match the code that cites them.
     */
    public static final int PIPELINE_VERSION = 4;

    /** Progress of a running pass: files handled so far out of the total. */
    public record Progress(int done, int total) {
    }

    /** What happened to one file in a pass. */
    public enum Outcome { INDEXED, UNCHANGED, SKIPPED }

    /** Told about a pass as it runs (on the ingesting thread; keep it quick). */
    public interface Listener {
        /** The pass will look at {@code files} files. */
        default void started(int files) {
        }

        /** One file is handled; {@code reason} is set when it was skipped. */
        default void fileDone(String path, Outcome outcome, String reason) {
        }

        /** Chunks and sentences of a batch of articles were embedded and written. */
        default void embedded(int chunks, int sentences) {
        }
    }

    /** Settings of a pass. */
    public record Limits(long maxFileBytes, Duration commitInterval) {
        public static final Limits DEFAULT = new Limits(50L * 1024 * 1024, Duration.ofSeconds(5));
    }

    private record Stamp(long size, long modified, String hash) {
    }

    /**
     * Where sentence vectors come from: pooled from the chunk's own forward pass (one inference per chunk;
     * mean-pooled models only), or embedded one sentence at a time (twice the model work).
     */
    public enum SentenceVectors {
        FROM_CHUNKS("from-chunks"), SEPARATE("separate");

        private final String configName;

        SentenceVectors(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        public static SentenceVectors byName(String name) {
            for (SentenceVectors v : values()) {
                if (v.configName.equalsIgnoreCase(name)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown sentence-vectors mode '" + name + "'; known: from-chunks, separate");
        }
    }

    private final ArticleStore store;
    private final ArticleLookup articles;
    private final EmbeddingModel embeddings;
    private final SentenceVectors sentenceVectors;
    private final ArticleReader reader;
    private final DocumentFormats formats;
    private final Chunker chunker;
    private final int batchSize;
    private final Limits limits;
    /** Size, modification time and hash of each file as last read, by relative path. */
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    /**
     * @param sentenceVectors {@link SentenceVectors#FROM_CHUNKS} needs an {@link OnnxEncoder} of a mean-pooled
     *                        model; with any other model it falls back to {@link SentenceVectors#SEPARATE}
     * @param batchSize       chunks embedded per batch; one batch is embedded while the previous one is written
     */
    public <I extends ArticleStore & ArticleLookup> CorpusIngester(I index, EmbeddingModel embeddings, SentenceVectors sentenceVectors,
                          ArticleReader reader, DocumentFormats formats, Chunker chunker, int batchSize, Limits limits) {
        this.store = index;
        this.articles = index;
        this.embeddings = embeddings;
        this.sentenceVectors = effective(embeddings, sentenceVectors);
        this.reader = reader;
        this.formats = formats;
        this.chunker = chunker;
        this.batchSize = Math.max(1, batchSize);
        this.limits = limits;
    }

    /** The mode actually used: sentence vectors from chunks only where the model allows it. */
    public static SentenceVectors effective(EmbeddingModel embeddings, SentenceVectors wanted) {
        return wanted == SentenceVectors.FROM_CHUNKS && embeddings instanceof OnnxEncoder e && e.pooledSentences()
                ? SentenceVectors.FROM_CHUNKS : SentenceVectors.SEPARATE;
    }

    /**
     * What an index built by this ingester depends on; see {@link io.footnote.index.LuceneIndex#open}. Pass the
     * {@link #effective} sentence-vector mode.
     */
    public static String signature(String embeddingModel, int maxTokens, int overlap, SentenceVectors sentences) {
        return "pipeline=" + PIPELINE_VERSION + ";model=" + embeddingModel + ";chunk=" + maxTokens + "/" + overlap
                + ";sentences=" + sentences.configName();
    }

    public IngestReport ingest(Path corpus) {
        return ingest(corpus, new Listener() { });
    }

    /** A full pass: every file of the folder, and removal of articles whose file is gone. */
    public IngestReport ingest(Path corpus, Listener listener) {
        return run(corpus, listFiles(corpus), true, false, listener);
    }

    /** A full pass that re-reads and re-embeds every file, whatever its hash. */
    public IngestReport reindexAll(Path corpus, Listener listener) {
        stamps.clear();
        return run(corpus, listFiles(corpus), true, true, listener);
    }

    /**
     * Indexes just these files of the folder (paths relative to it, '/'-separated), e.g. after an upload;
     * nothing else is read or removed.
     */
    public IngestReport ingestFiles(Path corpus, List<String> relativePaths, Listener listener) {
        List<Path> files = relativePaths.stream().map(corpus::resolve).toList();
        return run(corpus, files, false, false, listener);
    }

    /**
     * Removes an article from the index and commits.
     *
     * @return whether the index held it
     */
    public boolean remove(String documentId) {
        boolean present = articles.document(documentId).isPresent();
        articles.document(documentId).ifPresent(d -> stamps.remove(d.document().source()));
        store.delete(documentId);
        store.commit();
        return present;
    }

    private IngestReport run(Path corpus, List<Path> files, boolean fullPass, boolean force, Listener listener) {
        long t0 = System.nanoTime();
        listener.started(files.size());
        Map<String, String> known = force ? Map.of() : store.contentHashes();
        Set<String> seen = new HashSet<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        List<Document> pending = new ArrayList<>();
        List<List<Chunk>> pendingChunkLists = new ArrayList<>();
        int pendingChunks = 0;
        int indexed = 0;
        int unchanged = 0;
        int[] embedded = new int[2];
        long[] lastCommit = {System.nanoTime()};
        Batches batches = new Batches(listener, embedded);
        try {
            for (Path file : files) {
                String rel = corpus.relativize(file).toString().replace('\\', '/');
                String id = ArticleReader.idOf(rel);
                boolean ownsId = seen.add(id);
                try {
                    if (!ownsId) {
                        throw new UnreadableDocumentException("another file already has document id " + id);
                    }
                    if (!fullPass) {
                        String owner = articles.document(id).map(d -> d.document().source()).orElse(rel);
                        if (!owner.equals(rel) && Files.exists(corpus.resolve(owner))) {
                            throw new UnreadableDocumentException("document id " + id + " already belongs to " + owner);
                        }
                    }
                    if (!formats.supports(rel)) {
                        throw new UnreadableDocumentException(
                                "unsupported format (indexed: " + String.join(", ", formats.extensions()) + ")");
                    }
                    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attrs.size() > limits.maxFileBytes()) {
                        throw new UnreadableDocumentException("larger than footnote.ingest.max-file-size ("
                                + attrs.size() + " > " + limits.maxFileBytes() + " bytes)");
                    }
                    Stamp stamp = stamps.get(rel);
                    String knownHash = known.get(id);
                    if (!force && stamp != null && knownHash != null && stamp.hash().equals(knownHash)
                            && stamp.size() == attrs.size() && stamp.modified() == attrs.lastModifiedTime().toMillis()) {
                        unchanged++;
                        listener.fileDone(rel, Outcome.UNCHANGED, null);
                    } else {
                        byte[] bytes = Files.readAllBytes(file);
                        String hash = ArticleReader.sha256(bytes);
                        if (hash.equals(knownHash)) {
                            unchanged++;
                            listener.fileDone(rel, Outcome.UNCHANGED, null);
                        } else {
                            Document doc = reader.read(rel, bytes);
                            List<Chunk> chunks = chunker.chunk(doc);
                            pending.add(doc);
                            pendingChunkLists.add(chunks);
                            pendingChunks += chunks.size();
                            indexed++;
                        }
                        stamps.put(rel, new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis(), hash));
                    }
                } catch (IOException | RuntimeException e) {
                    String reason = e instanceof UnreadableDocumentException ? e.getMessage()
                            : e instanceof NoSuchFileException ? "file not found"
                            : e.getClass().getSimpleName() + ": " + e.getMessage();
                    skipped.add(new IngestReport.Skipped(rel, reason));
                    stamps.remove(rel);
                    // The file no longer holds what the index has under its id (it changed into something
                    // unreadable, or is gone): the stale article goes, so nothing cites text that is not there.
                    if (ownsId) {
                        seen.remove(id);
                    }
                    if (!fullPass && articles.document(id).map(d -> d.document().source().equals(rel)).orElse(false)) {
                        store.delete(id);
                    }
                    listener.fileDone(rel, Outcome.SKIPPED, reason);
                }
                if (pendingChunks >= batchSize) {
                    batches.submit(List.copyOf(pending), List.copyOf(pendingChunkLists));
                    pending.clear();
                    pendingChunkLists.clear();
                    pendingChunks = 0;
                    if (System.nanoTime() - lastCommit[0] >= limits.commitInterval().toNanos()) {
                        // Progress survives a crash: a restart re-embeds only what came after this commit.
                        store.commit();
                        lastCommit[0] = System.nanoTime();
                    }
                }
            }
            batches.submit(List.copyOf(pending), List.copyOf(pendingChunkLists));
            batches.finish();
        } finally {
            batches.close();
        }
        int removed = 0;
        if (fullPass) {
            for (String id : known.keySet()) {
                if (!seen.contains(id)) {
                    store.delete(id);
                    removed++;
                }
            }
            stamps.keySet().removeIf(rel -> !seen.contains(ArticleReader.idOf(rel)));
        }
        store.commit();
        ArticleLookup.Stats totals = articles.stats();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new IngestReport(totals.documents(), indexed, unchanged, removed, List.copyOf(skipped),
                totals.sentences(), totals.chunks(),
                embedded[0], embedded[1], millis);
    }

    /** An article ready to be written: its chunks and their vectors, and its sentence vectors. */
    private record Embedded(Document doc, List<Chunk> chunks, List<float[]> chunkVectors, float[][] sentenceVectors) {
    }

    /**
     * Embeds one batch of articles while the previous batch is written to the index, so the embedding
     * threads do not wait for Lucene (and Lucene not for them). One batch is in flight at a time.
     */
    private final class Batches {
        private final Listener listener;
        private final int[] embedded;
        private final ExecutorService worker = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("footnote-embed-batch").daemon().factory());
        private Future<List<Embedded>> inFlight;

        Batches(Listener listener, int[] embedded) {
            this.listener = listener;
            this.embedded = embedded;
        }

        void submit(List<Document> docs, List<List<Chunk>> chunks) {
            Future<List<Embedded>> previous = inFlight;
            inFlight = docs.isEmpty() ? null : worker.submit(() -> embed(docs, chunks));
            write(previous);
        }

        void finish() {
            Future<List<Embedded>> last = inFlight;
            inFlight = null;
            write(last);
        }

        void close() {
            worker.shutdownNow();
        }

        private void write(Future<List<Embedded>> batch) {
            if (batch == null) {
                return;
            }
            List<Embedded> done;
            try {
                done = batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.shutdownNow();
                throw new IllegalStateException("Ingestion interrupted", e);
            } catch (ExecutionException e) {
                worker.shutdownNow();
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            int chunkCount = 0;
            int sentenceCount = 0;
            for (Embedded e : done) {
                store.upsert(new IndexedDocument(e.doc(), e.chunks(), e.sentenceVectors()), e.chunkVectors());
                chunkCount += e.chunks().size();
                sentenceCount += e.sentenceVectors().length;
            }
            embedded[0] += chunkCount;
            embedded[1] += sentenceCount;
            listener.embedded(chunkCount, sentenceCount);
            for (Embedded e : done) {
                listener.fileDone(e.doc().source(), Outcome.INDEXED, null);
            }
        }
    }

    /** Embeds a batch of chunked articles: one vector per chunk and one per sentence. */
    private List<Embedded> embed(List<Document> docs, List<List<Chunk>> chunksPerDoc) {
        return sentenceVectors == SentenceVectors.FROM_CHUNKS
                ? embedFromChunks(docs, chunksPerDoc) : embedSeparately(docs, chunksPerDoc);
    }

    /** One inference per chunk; a sentence's vector is pooled from the chunks that hold it. */
    private List<Embedded> embedFromChunks(List<Document> docs, List<List<Chunk>> chunksPerDoc) {
        List<OnnxEncoder.ChunkText> texts = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            for (Chunk c : chunksPerDoc.get(d)) {
                int n = c.lastSentence() - c.firstSentence() + 1;
                int[] starts = new int[n];
                int[] ends = new int[n];
                for (int i = 0; i < n; i++) {
                    starts[i] = doc.sentences().get(c.firstSentence() + i).start() - c.start();
                    ends[i] = doc.sentences().get(c.firstSentence() + i).end() - c.start();
                }
                texts.add(new OnnxEncoder.ChunkText(doc.text().substring(c.start(), c.end()), starts, ends));
            }
        }
        List<OnnxEncoder.ChunkVectors> vectors = ((OnnxEncoder) embeddings).embedChunks(texts);
        List<Embedded> out = new ArrayList<>(docs.size());
        List<TextSegment> leftOver = new ArrayList<>();
        List<float[][]> leftOverTargets = new ArrayList<>();
        List<Integer> leftOverIndex = new ArrayList<>();
        int at = 0;
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            List<Chunk> chunks = chunksPerDoc.get(d);
            float[][] sums = new float[doc.sentences().size()][];
            List<float[]> chunkVectors = new ArrayList<>(chunks.size());
            for (Chunk c : chunks) {
                OnnxEncoder.ChunkVectors v = vectors.get(at++);
                chunkVectors.add(v.chunk());
                for (int i = 0; i < v.sentences().length; i++) {
                    float[] sv = v.sentences()[i];
                    if (sv == null) {
                        continue;
                    }
                    int s = c.firstSentence() + i;
                    if (sums[s] == null) {
                        sums[s] = sv.clone();
                    } else { // a sentence shared by two overlapping chunks: both readings count
                        for (int k = 0; k < sv.length; k++) {
                            sums[s][k] += sv[k];
                        }
                    }
                }
            }
            for (int s = 0; s < sums.length; s++) {
                if (sums[s] == null) { // no token of it was read off a chunk (a chunk longer than the window)
                    leftOver.add(TextSegment.from(doc.sentenceText(s)));
                    leftOverTargets.add(sums);
                    leftOverIndex.add(s);
                } else {
                    normalize(sums[s]);
                }
            }
            out.add(new Embedded(doc, chunks, chunkVectors, sums));
        }
        if (!leftOver.isEmpty()) {
            List<Embedding> extra = embeddings.embedAll(leftOver).content();
            for (int i = 0; i < extra.size(); i++) {
                leftOverTargets.get(i)[leftOverIndex.get(i)] = extra.get(i).vector();
            }
        }
        return out;
    }

    /** Every chunk and every sentence embedded on its own. */
    private List<Embedded> embedSeparately(List<Document> docs, List<List<Chunk>> chunksPerDoc) {
        List<TextSegment> texts = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            for (Chunk c : chunksPerDoc.get(d)) {
                texts.add(TextSegment.from(doc.text().substring(c.start(), c.end())));
            }
            for (int i = 0; i < doc.sentences().size(); i++) {
                texts.add(TextSegment.from(doc.sentenceText(i)));
            }
        }
        List<Embedding> vectors = embeddings.embedAll(texts).content();
        List<Embedded> out = new ArrayList<>(docs.size());
        int at = 0;
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            List<Chunk> chunks = chunksPerDoc.get(d);
            List<float[]> chunkVectors = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                chunkVectors.add(vectors.get(at++).vector());
            }
            float[][] sentences = new float[doc.sentences().size()][];
            for (int i = 0; i < sentences.length; i++) {
                sentences[i] = vectors.get(at++).vector();
            }
            out.add(new Embedded(doc, chunks, chunkVectors, sentences));
        }
        return out;
    }

    private static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }

    /** Files of the corpus folder, recursively, in path order; hidden files and folders are left out. */
    public static List<Path> listFiles(Path corpus) {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("Corpus folder " + corpus.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(corpus.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
