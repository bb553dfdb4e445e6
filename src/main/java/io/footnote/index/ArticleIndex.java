package io.footnote.index;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where articles, their chunks and vectors are stored and searched. Two implementations behave the same to
 * their callers: {@link LuceneIndex} (embedded, the default) and {@link OpenSearchIndex} (a shared cluster,
 * for large archives and stateless replicas). Ingestion, retrieval, answering and citations see only this
 * interface.
 *
 * <p>Contract shared by both:
 * <ul>
 *   <li>An article is stored whole under its document id: {@link #upsert} replaces every chunk of a previous
 *       version, so re-ingesting the same article never duplicates it.</li>
 *   <li>Changes become visible to searches, and durable, at the latest when {@link #commit()} returns.</li>
 *   <li>A search never returns a chunk of an article version other than the one {@link #document} returns
 *       (a chunk left over from a previous version is skipped, never mapped onto the new one).</li>
 *   <li>{@link #analyze} is the analysis BM25 applies at index time, so sentence ranking counts the same
 *       terms the search matched.</li>
 * </ul>
 */
public interface ArticleIndex extends AutoCloseable {

    /** Content hash of every indexed article, by document id. */
    Map<String, String> contentHashes();

    /** Adds or replaces an article, with one vector per chunk; visible to searches after {@link #commit()}. */
    void upsert(IndexedDocument document, List<float[]> chunkVectors);

    /** Removes an article and its chunks (no-op if absent); visible after {@link #commit()}. */
    void delete(String documentId);

    /** Makes every change durable and visible to searches. */
    void commit();

    /** The article stored under {@code id}, with its chunks and sentence vectors. */
    Optional<IndexedDocument> document(String id);

    /** One line per indexed article, ordered by document id. */
    List<Entry> documents();

    /** Number of articles, sentences and chunks indexed. */
    Stats stats();

    /** Length of the vectors stored. */
    int dimension();

    /** BM25 over chunk text (and, weaker, the article title) for the analysed terms of {@code text}; best first. */
    List<ChunkHit> searchText(String text, int n);

    /** Approximate nearest chunks (HNSW) to a unit vector, best first; scores are {@code (1 + cos) / 2}. */
    List<ChunkHit> searchVector(float[] vector, int n);

    /**
     * {@link #searchText} and {@link #searchVector} of the same question, for fusion by the caller; an index
     * that pays a round trip per search runs both in one request.
     */
    default Both searchBoth(String text, float[] vector, int n) {
        return new Both(searchText(text, n), searchVector(vector, n));
    }

    /**
     * BM25 and k-NN, {@code candidates} each, fused by reciprocal rank with constant {@code rrfK} in the index
     * itself (one request); best first, scores on the RRF scale. Empty when this index leaves fusion to the
     * caller (then use {@link #searchBoth}).
     */
    default Optional<List<ChunkHit>> searchHybrid(String text, float[] vector, int candidates, int rrfK) {
        return Optional.empty();
    }

    /** The index-time analysis of a text (lower-cased, stop words removed, stemmed): the BM25 terms. */
    List<String> analyze(String text);

    /** Inverse document frequency of an analysed term over chunks, as BM25 computes it. */
    double idf(String term);

    /** {@link #idf(String)} of several terms; an index that pays a round trip per term answers in one. */
    default Map<String, Double> idf(Collection<String> terms) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String t : terms) {
            out.computeIfAbsent(t, this::idf);
        }
        return out;
    }

    /**
     * What the readiness check shows of the index: at least {@code backend}; a cluster adds its health, so a
     * lost node (replicas unassigned: {@code yellow}) is visible while answers go on.
     */
    default Map<String, String> health() {
        return Map.of("backend", "lucene");
    }

    /** Releases the index (files, connections). */
    @Override
    void close();

    /** An indexed article as listed: no text, no vectors. */
    record Entry(String id, String title, LocalDate date, String source, int sentences, int chunks) {
    }

    /** The BM25 and the k-NN hits of one question, each best first. */
    record Both(List<ChunkHit> text, List<ChunkHit> vector) {
    }

    /** Totals over the index. */
    record Stats(int documents, int sentences, int chunks) {
    }
}
