package io.footnote.eval;

import io.footnote.answer.Turn;

import java.util.List;

/**
 * One evaluation question.
 *
 * @param id         stable identifier
 * @param question   the question (a follow-up when {@code history} is not empty)
 * @param history    earlier turns of the conversation
 * @param answers    reference answers (SQuAD spans, or short answers), for token F1 and exact match
 * @param facts      required facts, each a list of acceptable alternatives, for key-fact match
 * @param support    the supporting sentences: document id and a fragment of the sentence's text
 * @param answerable false when the corpus does not answer the question (the right answer is to abstain)
 */
public record EvalCase(String id, String question, List<Turn> history, List<String> answers,
                       List<List<String>> facts, List<Support> support, boolean answerable) {

    /** A gold supporting sentence: the one of {@code documentId} whose text contains {@code text}, or at {@code offset}. */
    public record Support(String documentId, String text, Integer offset) {
    }

    public EvalCase {
        history = history == null ? List.of() : List.copyOf(history);
        answers = answers == null ? List.of() : List.copyOf(answers);
        facts = facts == null ? List.of() : List.copyOf(facts);
        support = support == null ? List.of() : List.copyOf(support);
    }
}
