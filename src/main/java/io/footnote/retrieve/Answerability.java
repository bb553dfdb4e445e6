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
 * rare-term coverage came out near zero); docs/answer-quality.md gives the correct-vs-false-refusal figures by
 * threshold.
 *
 * <p>One rule sits on top of the fitted model, not fitted: when the question names something (a name, a number,
 * a year: {@link Mentions#of}) that the best sentence's article never states, the
 * probability is halved. On a large corpus on the questions' own topic, the best
 * sentence for a question the articles do not answer still shares most of its words; what it lacks is the one
 * thing the question is specifically about. A question about what is <em>not</em> so ("Which group can not meet
 * elsewhere?") counts as naming something unstated when no evidence sentence states a negation of any kind
 * ({@link Negation}): a sentence that says what the group can do answers another question. So does a question whose
 * evidence states the opposite of one of its words ({@link Contrast}: "What is the lowest court…?" against "…is the
 * highest court…"; SQuAD v2.0 dev half, seeds 42 and 7: unanswerable declined 0.248 / 0.251 → 0.279 / 0.284,
 * answerable 0.066 / 0.076 → 0.066 / 0.078), and one whose evidence says it of another thing ({@link Substitution}:
 * "…from an American ship?" against "…from a European ship"; 0.279 / 0.286 → 0.285 / 0.294, answerable
 * unchanged). On SQuAD v2.0 dev half
 * (1,000 questions, seeds 42 and 7) it raised the unanswerable questions declined from 0.171 / 0.173 to 0.248 /
 * 0.243, for 0.068 / 0.074 → 0.070 / 0.078 of answerable ones (measured together with {@link Mentions}' narrower
 * misspelling match, which takes a short name for another only when two neighbouring letters are swapped).
 *
 * <p>A second rule, also not fitted: a question that asks for a number, a date or a place ({@link AnswerType#NUMBER},
 * {@link AnswerType#DATE}, {@link AnswerType#PLACE}) whose best sentence gives none beyond the question's own
 * ({@link AnswerType#givenBy}), nor its neighbour when that is the sentence quoted first, is cut too (by
 * {@link #UNSUPPLIED_FACTOR}, the one value here chosen on data). The
 * detectors are lenient on purpose (written numbers, "several", "thousands", ordinals, "after …", "recently"), so
 * that a sentence that does answer is rarely caught: on SQuAD v1.1 (seeds 42 and 7, 1,000 questions each) about
 * 5 in 1,000 answer-holding best sentences are, against 7 of the BBC set's 32 out-of-corpus questions.
 *
 * <p>A third, smaller cut ({@link #DISTANT_FACTOR}) when every name and number of the question is stated in the
 * article but one is not near the best sentence — not in its paragraph, the sentence either side, or the title
 * ({@link Mentions#distant}): "Who won the battle of Lake Niagara?" against a paragraph on another battle of the
 * same war. Applied only when the first rule is not, since a mention stated elsewhere in the article is weaker
 * evidence of another subject than one never stated.
 */
public final class Answerability {

    static final double BIAS = -1.762;
    static final double W_SCORE = -0.965;
    static final double W_RARE = 0.294;
    static final double W_OVERLAP = 0.696;
    static final double W_TYPE = -0.003;
    static final double W_SIMILARITY = 2.814;
    /** What the probability is multiplied by when the question names something its evidence never mentions. */
    static final double UNCOVERED_FACTOR = 0.5;
    /**
     * What the probability is multiplied by when the article states each of the question's names and numbers but
     * the best sentence's paragraph (with the sentence either side) does not ({@link Mentions#distant}). Chosen
     * (1.0–0.5 in steps of 0.1) like {@link #UNSUPPLIED_FACTOR}, for the most correct minus false refusals at the
     * default threshold on the fitting split (SQuAD v2.0 dev half, seed 42, even-numbered articles: 53 → 57, at
     * 0.8 and 0.7 alike; the larger kept); on the odd-numbered ones 61 → 64 (unanswerable declined 0.290 → 0.307,
     * answerable 0.033 → 0.037).
     */
    static final double DISTANT_FACTOR = 0.8;
    /**
     * What the probability is multiplied by when a number or date question's best sentence gives neither: chosen
     * (0.4–1.0 in steps of 0.1) for the most correct minus false refusals at the default threshold on the same
     * fitting split as the weights (SQuAD v2.0 dev half, seed 42, even-numbered articles: 0.114 / 0.054 → 0.163 /
     * 0.070); on the odd-numbered ones 0.097 / 0.018 → 0.105 / 0.033.
     */
    static final double UNSUPPLIED_FACTOR = 0.6;

    private Answerability() {
    }

    /**
     * The probability that {@code best} (the top-ranked candidate, whose combined score is {@code score})
     * answers a question of kind {@code type}, when {@code uncovered} of the question's mentions its article
     * never states.
     */
    public static double of(Candidate best, double score, AnswerType type, int uncovered) {
        return of(best, score, type, uncovered, best.typeMatch());
    }

    /**
     * As {@link #of(Candidate, double, AnswerType, int)}, with whether the best sentence gives the asked-for kind
     * of answer at all ({@link AnswerType#givenBy}, more lenient than the ranker's {@code typeMatch} for places).
     */
    public static double of(Candidate best, double score, AnswerType type, int uncovered, boolean given) {
        return of(best, score, type, uncovered, 0, given);
    }

    /**
     * As {@link #of(Candidate, double, AnswerType, int, boolean)}, when {@code distant} of the question's mentions
     * the article states, but not near the best sentence ({@link Mentions#distant}).
     */
    public static double of(Candidate best, double score, AnswerType type, int uncovered, int distant, boolean given) {
        double typeSignal = type == AnswerType.OTHER ? 0.5 : best.typeMatch() ? 1 : 0;
        double z = BIAS + W_SCORE * score + W_RARE * best.rareCoverage() + W_OVERLAP * best.overlap()
                + W_TYPE * typeSignal + W_SIMILARITY * best.similarity();
        double p = 1 / (1 + Math.exp(-z));
        // Evidence that never states a name or number the question states is about something else ("Who won the
        // men's 100m at the London 2012 Olympics?" against a sentence on the 2000 Sydney Olympics): halved, which
        // puts it below the default threshold unless everything else is very strong.
        if (uncovered > 0) {
            p *= UNCOVERED_FACTOR;
        } else if (distant > 0) {
            // Stated in the article, but not in the evidence's paragraph: weaker evidence of another subject than
            // a name the article never states, so a smaller cut.
            p *= DISTANT_FACTOR;
        }
        // "How long is the Channel Tunnel?" answered by "…events in the tunnel.", "What is the capital of Australia?"
        // by "…staff are based in Australia.": a question that asks for a number, a date or a place is not answered
        // by a sentence that gives none (beyond the question's own).
        if ((type == AnswerType.NUMBER || type == AnswerType.DATE || type == AnswerType.PLACE) && !given) {
            p *= UNSUPPLIED_FACTOR;
        }
        return p;
    }
}
