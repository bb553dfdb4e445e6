package io.footnote.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;

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
    public static final int PIPELINE_VERSION = 3;

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

    private final LuceneIndex index;
    private final EmbeddingModel embeddings;
    private final ArticleReader reader;
    private final DocumentFormats formats;
    private final Chunker chunker;
    private final int batchSize;
    private final Limits limits;
    /** Size, modification time and hash of each file as last read, by relative path. */
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    public CorpusIngester(LuceneIndex index, EmbeddingModel embeddings, ArticleReader reader, DocumentFormats formats,
                          Chunker chunker, int batchSize, Limits limits) {
        this.index = index;
        this.embeddings = embeddings;
        this.reader = reader;
        this.formats = formats;
        this.chunker = chunker;
        this.batchSize = Math.max(1, batchSize);
        this.limits = limits;
    }

    /** What an index built by this ingester depends on; see {@link LuceneIndex#open}. */
    public static String signature(String embeddingModel, int maxTokens, int overlap) {
        return "pipeline=" + PIPELINE_VERSION + ";model=" + embeddingModel + ";chunk=" + maxTokens + "/" + overlap;
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
        boolean present = index.document(documentId).isPresent();
        index.document(documentId).ifPresent(d -> stamps.remove(d.document().source()));
        index.delete(documentId);
        index.commit();
        return present;
    }

    private IngestReport run(Path corpus, List<Path> files, boolean fullPass, boolean force, Listener listener) {
        long t0 = System.nanoTime();
        listener.started(files.size());
        Map<String, String> known = force ? Map.of() : index.contentHashes();
        Set<String> seen = new HashSet<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        List<Document> pending = new ArrayList<>();
        List<String> pendingPaths = new ArrayList<>();
        int pendingTexts = 0;
        int indexed = 0;
        int unchanged = 0;
        int[] embedded = new int[2];
        long lastCommit = System.nanoTime();
        for (Path file : files) {
            String rel = corpus.relativize(file).toString().replace('\\', '/');
            String id = ArticleReader.idOf(rel);
            boolean ownsId = seen.add(id);
            try {
                if (!ownsId) {
                    throw new UnreadableDocumentException("another file already has document id " + id);
                }
                if (!fullPass) {
                    String owner = index.document(id).map(d -> d.document().source()).orElse(rel);
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
                        pending.add(doc);
                        pendingPaths.add(rel);
                        pendingTexts += doc.sentences().size() * 2;
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
                if (!fullPass && index.document(id).map(d -> d.document().source().equals(rel)).orElse(false)) {
                    index.delete(id);
                }
                listener.fileDone(rel, Outcome.SKIPPED, reason);
            }
            if (pendingTexts >= batchSize) {
                flush(pending, embedded, listener);
                pendingPaths.forEach(p -> listener.fileDone(p, Outcome.INDEXED, null));
                pending.clear();
                pendingPaths.clear();
                pendingTexts = 0;
                if (System.nanoTime() - lastCommit >= limits.commitInterval().toNanos()) {
                    // Progress survives a crash: a restart re-embeds only what came after this commit.
                    index.commit();
                    lastCommit = System.nanoTime();
                }
            }
        }
        flush(pending, embedded, listener);
        pendingPaths.forEach(p -> listener.fileDone(p, Outcome.INDEXED, null));
        int removed = 0;
        if (fullPass) {
            for (String id : known.keySet()) {
                if (!seen.contains(id)) {
                    index.delete(id);
                    removed++;
                }
            }
            stamps.keySet().removeIf(rel -> !seen.contains(ArticleReader.idOf(rel)));
        }
        index.commit();
        int sentences = 0;
        int chunks = 0;
        var docs = index.documents();
        for (IndexedDocument d : docs) {
            sentences += d.document().sentences().size();
            chunks += d.chunks().size();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new IngestReport(docs.size(), indexed, unchanged, removed, List.copyOf(skipped), sentences, chunks,
                embedded[0], embedded[1], millis);
    }

    /** Embeds the chunks and sentences of {@code docs} in one batch and writes them to the index. */
    private void flush(List<Document> docs, int[] embedded, Listener listener) {
        if (docs.isEmpty()) {
            return;
        }
        List<TextSegment> texts = new ArrayList<>();
        List<List<Chunk>> chunksPerDoc = new ArrayList<>();
        for (Document doc : docs) {
            List<Chunk> chunks = chunker.chunk(doc);
            chunksPerDoc.add(chunks);
            for (Chunk c : chunks) {
                texts.add(TextSegment.from(doc.text().substring(c.start(), c.end())));
            }
            for (int i = 0; i < doc.sentences().size(); i++) {
                texts.add(TextSegment.from(doc.sentenceText(i)));
            }
        }
        List<Embedding> vectors = embeddings.embedAll(texts).content();
        int at = 0;
        int chunkCount = 0;
        int sentenceCount = 0;
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            List<Chunk> chunks = chunksPerDoc.get(d);
            List<float[]> chunkVectors = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                chunkVectors.add(vectors.get(at++).vector());
            }
            float[][] sentenceVectors = new float[doc.sentences().size()][];
            for (int i = 0; i < sentenceVectors.length; i++) {
                sentenceVectors[i] = vectors.get(at++).vector();
            }
            index.upsert(new IndexedDocument(doc, chunks, sentenceVectors), chunkVectors);
            chunkCount += chunks.size();
            sentenceCount += sentenceVectors.length;
        }
        embedded[0] += chunkCount;
        embedded[1] += sentenceCount;
        listener.embedded(chunkCount, sentenceCount);
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
