package io.footnote.retrieve;

/**
 * Whether the articles answer a question, as one calibrated probability: a logistic model over the signals of
 * the best-ranked sentence. Coverage of the question's rare terms in the sentence and its neighbours ("capital"
 * and "Australia", not only "Australia") separates on-topic questions the articles do not answer from ones
 * they do far better than the sentence score alone, which any on-topic corpus passes.
 *
 * <p>The weights were fitted (logistic regression) on the SQuAD v2.0 dev half, even-numbered articles, and the
 * threshold chosen there; figures are reported on the odd-numbered ones (see the README's evaluation section).
 */
public final class Answerability {

    static final double BIAS = -6.0;
    static final double W_SCORE = 6.0;
    static final double W_RARE = 4.0;
    static final double W_OVERLAP = 0.0;
    static final double W_TYPE = 0.5;

    private Answerability() {
    }

    /** The probability that {@code best} (the top-ranked candidate) answers a question of kind {@code type}. */
    public static double of(Candidate best, double score, AnswerType type) {
        double typeSignal = type == AnswerType.OTHER ? 0.5 : best.typeMatch() ? 1 : 0;
        double z = BIAS + W_SCORE * score + W_RARE * best.rareCoverage() + W_OVERLAP * best.overlap()
                + W_TYPE * typeSignal;
        return 1 / (1 + Math.exp(-z));
    }
}
