package io.footnote.answer;

import java.util.List;
import java.util.Locale;

/**
 * The first step of answering: refuses a malformed request with a message naming the field at fault, before
 * any work is done (a streaming endpoint calls it before its stream opens).
 *
 * <p>Contract: a question must be non-blank and at most {@code maxQuestionLength} characters; {@code topK},
 * when given, in [1, {@code maxTopK}]; the history at most {@code maxHistory} turns, each with a role
 * ({@code user} or {@code assistant}, any case) and a content of at most ten questions' length.
 */
final class QuestionCheck {

    private final AnswerService.Limits limits;

    QuestionCheck(AnswerService.Limits limits) {
        this.limits = limits;
    }

    /** @throws InvalidQuestionException naming the first field that breaks the contract */
    AskedQuestion validate(String question, List<Turn> history, Integer topK) {
        if (question == null || question.isBlank()) {
            throw new InvalidQuestionException("'question' is required and must not be blank.");
        }
        if (question.length() > limits.maxQuestionLength()) {
            throw new InvalidQuestionException("'question' is " + question.length() + " characters long; the limit is "
                    + limits.maxQuestionLength() + ".");
        }
        if (topK != null && (topK < 1 || topK > limits.maxTopK())) {
            throw new InvalidQuestionException("'topK' must be between 1 and " + limits.maxTopK() + ".");
        }
        if (history != null) {
            checkHistory(history);
        }
        return new AskedQuestion(question.strip(), history == null ? List.of() : history,
                topK == null ? limits.defaultTopK() : topK);
    }

    private void checkHistory(List<Turn> history) {
        if (history.size() > limits.maxHistory()) {
            throw new InvalidQuestionException("'history' has " + history.size() + " turns; the limit is "
                    + limits.maxHistory() + ".");
        }
        for (int i = 0; i < history.size(); i++) {
            Turn t = history.get(i);
            if (t == null || t.role() == null || t.content() == null) {
                throw new InvalidQuestionException("'history[" + i + "]' needs a 'role' and a 'content'.");
            }
            String role = t.role().toLowerCase(Locale.ROOT);
            if (!role.equals("user") && !role.equals("assistant")) {
                throw new InvalidQuestionException("'history[" + i + "].role' must be 'user' or 'assistant', not '"
                        + t.role() + "'.");
            }
            if (t.content().length() > limits.maxQuestionLength() * 10) {
                throw new InvalidQuestionException("'history[" + i + "].content' is too long.");
            }
        }
    }
}
