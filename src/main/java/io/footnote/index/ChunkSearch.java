package io.footnote.index;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The searching side of an {@link ArticleIndex}: BM25 and k-NN over chunks, and the analysis and term
 * statistics BM25 uses, so that sentence ranking counts the same terms the search matched.
 *
 * <p>A search never returns a chunk of an article version other than the one
 * {@link ArticleLookup#document} returns (a chunk left over from a previous version is skipped, never mapped
 * onto the new one).
 */
public interface ChunkSearch {

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

    /** The BM25 and the k-NN hits of one question, each best first. */
    record Both(List<ChunkHit> text, List<ChunkHit> vector) {
    }
}
