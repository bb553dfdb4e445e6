package io.footnote.eval;

import java.util.List;

/**
 * What happened to one evaluation question.
 *
 * @param goldRank              1-based rank of the first gold supporting sentence among retrieved sentences, 0 if absent
 * @param firstCitationAnswers  the first citation contains a reference answer (or is a gold sentence)
 * @param someCitationAnswers   some citation contains a reference answer (or is a gold sentence)
 * @param citationsValid        citations that resolve exactly to their source text
 * @param retrieved             the top retrieved sentences, best first, for a person to read
 * @param goldInPrompt          a gold supporting sentence (or one of identical text) is among the language model's
 *                              numbered sources; null when the prompt was not measured
 * @param promptTokens          estimated tokens of the language model's prompt; 0 when none was built or measured
 * @param citedSupported        answered with at least one citation, every citation and every claim supported
 * @param citedGoldSupported    answered citing a gold supporting sentence that the check found supporting its claim
 * @param promptSweep           the prompt measured under other budgets (tokens → probe); empty when not swept
 * @param answerability         the retrieval's calibrated probability that its best sentence answers the question
 */
public record QuestionResult(String id, String question, String rewrittenQuestion, boolean answerable,
                             boolean abstained, String answer, List<Cited> citations, List<String> gold,
                             int goldRank, boolean firstCitationAnswers, boolean someCitationAnswers,
                             double citationRecall, double citationPrecision, int citationsValid,
                             double tokenF1, double exactMatch, boolean keyFacts, long latencyMs,
                             List<String> retrieved, Boolean goldInPrompt, int promptTokens,
                             boolean citedSupported, boolean citedGoldSupported,
                             java.util.Map<Integer, PromptProbe> promptSweep,
                             double answerability) {

    /** The language model's prompt for this question: whether it holds a gold sentence, and its estimated tokens. */
    public record PromptProbe(boolean goldIn, int tokens) {
    }

    /** A citation as evaluated: where it points, its text, and whether it holds an answer. */
    public record Cited(String documentId, int sentenceIndex, String text, boolean gold, boolean holdsAnswer) {
    }
}
