package io.footnote.retrieve;

/**
 * Whether the articles answer a question, as one probability: a logistic model over the signals of the
 * best-ranked sentence — its embedding similarity to the question, the share of the question's IDF weight it
 * holds, the coverage of the question's rare terms (IDF squared) in it and its two neighbours, whether it
 * supplies the asked-for kind of answer ({@link AnswerType}), and whether a question that asks for a number or
 * a date gets a sentence that gives none. The ranker's combined score is not an input, so a change of ranker
 * leaves the meaning of these weights alone.
 *
 * <p>Fitted by {@code AnswerabilityFit} (test code; it names the commands) on two sources, each weighing half:
 * <ul>
 *   <li>SQuAD v1.1 dev, 4,000 questions (seed 11), those about even-numbered articles: the best sentence when it
 *       holds the answer (answerable), and — the on-topic question the articles do not answer — the best
 *       sentence once the sentences holding the answer and their neighbours are taken away, the rest of the
 *       article staying (the situation of a large corpus on the question's own topic);</li>
 *   <li>SQuAD v2.0 dev half, 1,000 questions (seed 42), even-numbered articles: the best sentence of an
 *       answerable question when it holds the answer, and of every unanswerable one.</li>
 * </ul>
 * The bias is then moved so that {@link #THRESHOLD} (0.5, the default {@code footnote.answering.min-answerability})
 * declines 5% of the fitting split's answered questions. Held out (odd-numbered articles), see the README's
 * "Answer selection and declining".
 *
 * <p>One rule sits on top of the fitted model, not fitted: when the question names something (a name, a number,
 * a year: {@link Mentions#of}) that the best sentence's article never states, its odds are divided by {@link #UNCOVERED_ODDS}. On a
 * large corpus on the questions' own topic, the best sentence for a question the articles do not answer still
 * shares most of its words; what it lacks is the one thing the question is specifically about. (The simulated
 * negatives above keep their article, which states the question's names, so they could not fit this rule.)
 */
public final class Answerability {

    static final double BIAS = -3.58;
    static final double W_SIMILARITY = 4.61;
    static final double W_OVERLAP = 2.09;
    static final double W_RARE = 1.34;
    static final double W_TYPE = -0.04;
    /** A number or date question whose best sentence gives neither beyond the question's own. */
    static final double W_UNSUPPLIED = -1.63;
    /**
     * What the odds are divided by when the question names something its evidence never mentions: 5, about what
     * halving the probability did at the previous model's threshold (0.37 became 0.74). Not fitted.
     */
    static final double UNCOVERED_ODDS = 5;
    /** The operating point the bias was moved to: the default of {@code footnote.answering.min-answerability}. */
    public static final double THRESHOLD = 0.5;

    private Answerability() {
    }

    /**
     * The probability that {@code best} (the top-ranked candidate) answers a question of kind {@code type}, when
     * {@code uncovered} of the question's mentions its article never states.
     */
    public static double of(Candidate best, AnswerType type, int uncovered) {
        double[] x = features(best, type);
        double z = BIAS + W_SIMILARITY * x[0] + W_OVERLAP * x[1] + W_RARE * x[2] + W_TYPE * x[3] + W_UNSUPPLIED * x[4];
        // Evidence that never states a name or number the question states is about something else ("Who won the
        // men's 100m at the London 2012 Olympics?" against a sentence on the 2000 Sydney Olympics).
        if (uncovered > 0) {
            z -= Math.log(UNCOVERED_ODDS);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The model's inputs for a candidate, in the order of the weights: similarity, overlap, rare-term coverage,
     * answer type (1 supplied, 0 not, 0.5 for a question that asks for no particular kind), and 1 when a number
     * or date question's sentence gives neither ("How long is the Channel Tunnel?" against "…events in the
     * tunnel."). Shared with the fit, so both read the signals one way.
     */
    public static double[] features(Candidate best, AnswerType type) {
        double typeSignal = type == AnswerType.OTHER ? 0.5 : best.typeMatch() ? 1 : 0;
        double unsupplied = (type == AnswerType.NUMBER || type == AnswerType.DATE) && !best.typeMatch() ? 1 : 0;
        return new double[]{best.similarity(), best.overlap(), best.rareCoverage(), typeSignal, unsupplied};
    }
}
