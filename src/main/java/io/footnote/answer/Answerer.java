package io.footnote.answer;

import io.footnote.retrieve.Retrieval;

/**
 * Writes an answer from retrieved sentences.
 */
public interface Answerer {

    /** An answer before its citations are verified; markers in {@code text} refer to {@code cited} (1-based). */
    record Draft(String text, boolean abstained, java.util.List<io.footnote.domain.ScoredSentence> cited) {
    }

    /**
     * @param question  the standalone question
     * @param retrieval the ranked candidate sentences for it
     * @return the answer; abstains (cites nothing) when no sentence answers the question
     */
    Draft answer(String question, Retrieval retrieval);

    /** Shown as the answer's {@code mode}. */
    String mode();
}
