package io.footnote.index;

/**
 * The BM25 choices both backends share, written once: how much a title match weighs against the chunk text,
 * and the inverse document frequency the sentence ranking uses (Lucene's BM25 formula, so it agrees with
 * what the search scored).
 */
public final class Bm25 {

    /** Weight of the title relative to the chunk text: a headline match is a weaker signal. */
    public static final float TITLE_BOOST = 0.3f;

    private Bm25() {
    }

    /** {@code log(1 + (n - df + 0.5) / (df + 0.5))} over {@code n} chunks ({@code n} counted at least 1). */
    public static double idf(long chunks, long documentFrequency) {
        long n = Math.max(1, chunks);
        return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }
}
