package io.footnote.answer;

import java.util.List;

/**
 * A request that passed {@link QuestionCheck}: what the rest of the pipeline may rely on.
 *
 * @param text    the question, stripped, never blank and within the length limit
 * @param history the earlier turns, each with a known role; empty (never {@code null}) when none was sent
 * @param topK    how many fused chunks retrieval draws from: the request's value, or the configured default
 */
record AskedQuestion(String text, List<Turn> history, int topK) {
}
