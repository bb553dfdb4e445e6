package io.footnote.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Brings the index in line with a corpus folder: new and changed files are read, chunked, embedded and
 * written; unchanged files (same content hash) are left alone, so a restart re-embeds nothing; articles
 * whose file is gone are removed. A file that cannot be read is skipped and reported, never fatal.
 *
 * <p>Embedding dominates the cost, so texts of several articles are gathered into one batch and embedded
 * in parallel by the model's executor.
 */
public final class CorpusIngester {

    private static final Logger LOG = Logger.getLogger(CorpusIngester.class);

    /**
     * Bump when parsing, cleaning or sentence splitting changes what is indexed: the index records it and
     * rebuilds itself when it differs, so sentence ids always match the code that cites them.
     */
    public static final int PIPELINE_VERSION = 3;
    private static final long PROGRESS_EVERY_MS = 5_000;

    private final LuceneIndex index;
    private final EmbeddingModel embeddings;
    private final ArticleReader reader;
    private final Chunker chunker;
    private final int batchSize;

    public CorpusIngester(LuceneIndex index, EmbeddingModel embeddings, ArticleReader reader, Chunker chunker,
                          int batchSize) {
        this.index = index;
        this.embeddings = embeddings;
        this.reader = reader;
        this.chunker = chunker;
        this.batchSize = Math.max(1, batchSize);
    }

    /** Progress of a running pass: files handled so far out of the total. */
    public record Progress(int done, int total) {
    }

    /** What an index built by this ingester depends on; see {@link LuceneIndex#open}. */
    public static String signature(String embeddingModel, int maxTokens, int overlap) {
        return "pipeline=" + PIPELINE_VERSION + ";model=" + embeddingModel + ";chunk=" + maxTokens + "/" + overlap;
    }

    public IngestReport ingest(Path corpus) {
        return ingest(corpus, p -> { });
    }

    public IngestReport ingest(Path corpus, Consumer<Progress> progress) {
        long t0 = System.nanoTime();
        List<Path> files = listFiles(corpus);
        Map<String, String> known = index.contentHashes();
        Set<String> seen = new HashSet<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        List<Document> pending = new ArrayList<>();
        int pendingTexts = 0;
        int indexed = 0;
        int unchanged = 0;
        int[] embedded = new int[2];
        long lastLog = System.currentTimeMillis();
        int done = 0;
        for (Path file : files) {
            String rel = corpus.relativize(file).toString().replace('\\', '/');
            try {
                if (!isSupported(rel)) {
                    throw new UnreadableDocumentException("unsupported format (plain text and Markdown are indexed)");
                }
                byte[] bytes = Files.readAllBytes(file);
                String id = ArticleReader.idOf(rel);
                if (!seen.add(id)) {
                    skipped.add(new IngestReport.Skipped(rel, "another file already has document id " + id));
                    continue;
                }
                if (ArticleReader.sha256(bytes).equals(known.get(id))) {
                    unchanged++;
                } else {
                    Document doc = reader.read(rel, bytes);
                    pending.add(doc);
                    pendingTexts += doc.sentences().size() * 2;
                    indexed++;
                }
            } catch (IOException | RuntimeException e) {
                String reason = e instanceof UnreadableDocumentException ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
                skipped.add(new IngestReport.Skipped(rel, reason));
                LOG.warnf("Skipped %s: %s", rel, reason);
            }
            if (pendingTexts >= batchSize) {
                flush(pending, embedded);
                pending.clear();
                pendingTexts = 0;
            }
            done++;
            progress.accept(new Progress(done, files.size()));
            if (System.currentTimeMillis() - lastLog >= PROGRESS_EVERY_MS) {
                lastLog = System.currentTimeMillis();
                double secs = (System.nanoTime() - t0) / 1e9;
                double rate = done / secs;
                LOG.infof("Ingesting: %d/%d files, %.1f files/s, %d chunks embedded, ETA %.0f s",
                        done, files.size(), rate, embedded[0], (files.size() - done) / Math.max(rate, 1e-9));
            }
        }
        flush(pending, embedded);
        int removed = 0;
        for (String id : known.keySet()) {
            if (!seen.contains(id)) {
                index.delete(id);
                removed++;
            }
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
    private void flush(List<Document> docs, int[] embedded) {
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
            embedded[0] += chunks.size();
            embedded[1] += sentenceVectors.length;
        }
    }

    /** Plain text and Markdown, and files without an extension (often plain text). */
    static boolean isSupported(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || Set.of("txt", "text", "md", "markdown").contains(name.substring(dot + 1));
    }

    private static List<Path> listFiles(Path corpus) {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("Corpus folder " + corpus.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
