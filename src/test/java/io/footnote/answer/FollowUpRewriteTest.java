package io.footnote.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpRewriteTest {

    private static final List<Turn> HISTORY = List.of(
            new Turn("user", "What did Mao Ning say about repatriation?"),
            new Turn("Assistant", "Chen Chuangchuang said China cooperates [1]."));

    @Test
    void given_the_heuristic_when_a_follow_up_is_rewritten_then_only_the_users_questions_give_the_context() {
        FollowUpRewrite rewrite = new FollowUpRewrite(new FollowUpQueryTransformer());

        String standalone = rewrite.standalone("What did she say next?", HISTORY);

        assertEquals("What did she say next? (context: Mao Ning)", standalone);
    }

    @Test
    void given_another_rewriter_when_a_follow_up_is_rewritten_then_it_reads_the_history_as_chat_memory() {
        List<ChatMessage> seen = new ArrayList<>();
        FollowUpRewrite rewrite = new FollowUpRewrite(query -> {
            seen.addAll(query.metadata().chatMemory());
            return List.of(Query.from("rewritten"));
        });

        String standalone = rewrite.standalone("What did she say next?", HISTORY);

        assertEquals("rewritten", standalone);
        assertEquals(List.of(UserMessage.from(HISTORY.get(0).content()), AiMessage.from(HISTORY.get(1).content())), seen);
    }

    @Test
    void given_no_history_when_asked_then_the_rewriter_is_not_called() {
        List<Query> calls = new ArrayList<>();
        FollowUpRewrite rewrite = new FollowUpRewrite(query -> {
            calls.add(query);
            return List.of(query);
        });

        assertEquals("What did she say?", rewrite.standalone("What did she say?", List.of()));
        assertTrue(calls.isEmpty());
    }
}
