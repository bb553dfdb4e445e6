package io.footnote.retrieve;

/**
 * Whether the articles answer a question, as one calibrated probability: a logistic model over the signals of
 * the best-ranked sentence — its combined score, its embedding similarity, the share of the question's IDF
 * weight it holds, the coverage of the question's rare terms (IDF squared) in it and its two neighbours, and
 * whether it supplies the asked-for kind of answer ({@link AnswerType}).
 *
 * <p>Fitted (plain logistic regression) on the SQuAD v2.0 dev half, seed-42 sample of 1,000 questions, those
 * about even-numbered articles (487 questions, half unanswerable); reported on the odd-numbered ones. SQuAD v2's
 * unanswerable questions are written against the very paragraph that nearly answers them, so the signals
 * separate them only weakly there (the similarity carries most of the weight; the answer type and the
 * rare-term coverage came out near zero); the README gives the correct-vs-false-refusal figures by threshold.
 */
public final class Answerability {

    static final double BIAS = -1.762;
    static final double W_SCORE = -0.965;
    static final double W_RARE = 0.294;
    static final double W_OVERLAP = 0.696;
    static final double W_TYPE = -0.003;
    static final double W_SIMILARITY = 2.814;

    private Answerability() {
    }

    /**
     * The probability that {@code best} (the top-ranked candidate, whose combined score is {@code score})
     * answers a question of kind {@code type}.
     */
    public static double of(Candidate best, double score, AnswerType type) {
        double typeSignal = type == AnswerType.OTHER ? 0.5 : best.typeMatch() ? 1 : 0;
        double z = BIAS + W_SCORE * score + W_RARE * best.rareCoverage() + W_OVERLAP * best.overlap()
                + W_TYPE * typeSignal + W_SIMILARITY * best.similarity();
        return 1 / (1 + Math.exp(-z));
    }
}
