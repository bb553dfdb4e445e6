package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;

/** Ranked sentences for the answerability rules' tests: only the article, position and text matter to them. */
final class Scored {

    private Scored() {
    }

    static ScoredSentence sentence(String documentId, int index, String text) {
        return new ScoredSentence(documentId, index, 0, text.length(), text, 0.5, 0.5, 0.5);
    }
}
