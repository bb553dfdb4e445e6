package io.footnote.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The step that makes a follow-up standalone, so retrieval sees the subject the question leans on.
 *
 * <p>Contract: a question without history is returned as it is and the rewriter is not called; otherwise the
 * rewriter's first query is the standalone question. A turn whose role is not {@code assistant} counts as the
 * user's. The heuristic {@link FollowUpQueryTransformer} reads the user's earlier questions (and the reply to the
 * latest one, to know who "he" is after a question that asked who), so it gets them as text; any other rewriter gets the history as LangChain4j chat messages, since it may be LangChain4j's
 * own (the model's {@code CompressingQueryTransformer} reads the chat memory).
 */
final class FollowUpRewrite {

    private final QueryTransformer rewriter;

    FollowUpRewrite(QueryTransformer rewriter) {
        this.rewriter = rewriter;
    }

    String standalone(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return question;
        }
        if (rewriter instanceof FollowUpQueryTransformer heuristic) {
            return heuristic.standalone(question, userQuestions(history), lastAnswer(history));
        }
        List<ChatMessage> memory = new ArrayList<>(history.size());
        for (Turn t : history) {
            memory.add("assistant".equalsIgnoreCase(t.role()) ? AiMessage.from(t.content()) : UserMessage.from(t.content()));
        }
        Query query = Query.from(question, Metadata.from(UserMessage.from(question), null, memory));
        return rewriter.transform(query).iterator().next().text();
    }

    /**
     * The user's most recent earlier question, made standalone against the turns before it (so that a chain of
     * follow-ups keeps its subject); empty when the user asked nothing before.
     */
    Optional<String> previous(List<Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn t = history.get(i);
            if (asked(t)) {
                return Optional.of(standalone(t.content().strip(), history.subList(0, i)));
            }
        }
        return Optional.empty();
    }

    /** True for a turn that is a question of the user's: not the assistant's, not blank. */
    private static boolean asked(Turn t) {
        return !"assistant".equalsIgnoreCase(t.role()) && !t.content().isBlank();
    }

    /** The assistant's reply to the user's latest question; null when there is none. */
    private static String lastAnswer(List<Turn> history) {
        String answer = null;
        for (Turn t : history) {
            answer = asked(t) ? null : "assistant".equalsIgnoreCase(t.role()) ? t.content() : answer;
        }
        return answer;
    }

    /** The user's non-blank earlier questions, stripped, most recent first. */
    private static List<String> userQuestions(List<Turn> history) {
        List<String> asked = new ArrayList<>();
        for (Turn t : history.reversed()) {
            if (asked(t)) {
                asked.add(t.content().strip());
            }
        }
        return asked;
    }
}
