package io.footnote.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;

import java.util.ArrayList;
import java.util.List;

/**
 * The step that makes a follow-up standalone, so retrieval sees the subject the question leans on.
 *
 * <p>Contract: a question without history is returned as it is and the rewriter is not called; otherwise the
 * rewriter's first query is the standalone question. The history becomes LangChain4j chat messages only here,
 * because a rewriter may be LangChain4j's own (the model's {@code CompressingQueryTransformer} reads the chat
 * memory); a turn whose role is not {@code assistant} counts as the user's.
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
        List<ChatMessage> memory = new ArrayList<>(history.size());
        for (Turn t : history) {
            memory.add("assistant".equalsIgnoreCase(t.role()) ? AiMessage.from(t.content()) : UserMessage.from(t.content()));
        }
        Query query = Query.from(question, Metadata.from(UserMessage.from(question), null, memory));
        return rewriter.transform(query).iterator().next().text();
    }
}
