package io.footnote.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpQueryTransformerTest {

    private final FollowUpQueryTransformer transformer = new FollowUpQueryTransformer();

    private String transform(String question, List<ChatMessage> history) {
        Query q = Query.from(question, Metadata.from(UserMessage.from(question), null, history));
        return transformer.transform(q).iterator().next().text();
    }

    @Test
    void rewrites_pronoun_follow_up_with_the_previous_question() {
        List<ChatMessage> history = List.of(UserMessage.from("What did Mao Ning say about repatriation?"),
                AiMessage.from("China will accept repatriation [1]"));

        assertEquals("What did she say next? (context: Mao Ning)", transform("What did she say next?", history));
    }

    @Test
    void given_names_in_the_assistant_answer_when_rewriting_then_only_the_users_subject_is_carried_over() {
        List<ChatMessage> history = List.of(UserMessage.from("Who is Chen Chuangchuang?"),
                AiMessage.from("Chen Chuangchuang, a presenter at America News, quoted Xi Jinping [1]."));

        assertEquals("What did he advise migrants? (context: Chen Chuangchuang)",
                transform("What did he advise migrants?", history));
    }

    @Test
    void given_a_latest_question_without_names_when_rewriting_then_the_subject_of_an_earlier_question_is_used() {
        List<ChatMessage> history = List.of(UserMessage.from("What did Mao Ning say about repatriation?"),
                AiMessage.from("China will accept repatriation [1]"),
                UserMessage.from("why?"),
                AiMessage.from("Because Wang Xiaohong said so [1]"));

        assertEquals("What else did she say? (context: Mao Ning)", transform("What else did she say?", history));
    }

    @Test
    void falls_back_to_the_previous_question_when_it_names_nothing() {
        List<ChatMessage> history = List.of(UserMessage.from("how many deportations were completed?"));

        assertEquals("and to where? (context: how many deportations were completed?)", transform("and to where?", history));
    }

    @Test
    void leaves_standalone_question_alone() {
        List<ChatMessage> history = List.of(UserMessage.from("What did Mao Ning say about repatriation?"));

        assertEquals("How many deportations to China did ICE complete?",
                transform("How many deportations to China did ICE complete?", history));
    }

    @Test
    void leaves_question_alone_without_history() {
        assertEquals("What did she say?", transform("What did she say?", List.of()));
    }

    @Test
    void given_a_question_that_names_nothing_of_its_own_when_asked_in_a_conversation_then_it_gets_the_subject() {
        List<ChatMessage> history = List.of(UserMessage.from("Who did Lleyton Hewitt beat in the Sydney final?"),
                AiMessage.from("Lleyton Hewitt won the final against Ivo Minar [1]."));

        assertEquals("Which player was beaten in the semi-final? (context: Lleyton Hewitt, Sydney)",
                transform("Which player was beaten in the semi-final?", history));
    }

    @Test
    void given_an_earlier_question_naming_only_an_abbreviation_then_that_question_is_the_context() {
        List<ChatMessage> history = List.of(UserMessage.from("How much was the US government seeking from tobacco firms?"),
                AiMessage.from("The demand for $280bn was rejected [1]."));

        assertEquals("Which companies were accused? (context: How much was the US government seeking from tobacco firms?)",
                transform("Which companies were accused?", history));
    }

    @Test
    void given_an_earlier_question_naming_a_short_name_then_the_name_is_the_context() {
        List<ChatMessage> history = List.of(UserMessage.from("Who stars in Ray?"),
                AiMessage.from("Ray has been nominated in six Oscar categories [1]."));

        assertEquals("Which awards has he already won for the role? (context: Ray)",
                transform("Which awards has he already won for the role?", history));
    }

    @Test
    void given_a_question_naming_a_new_subject_then_it_is_left_alone() {
        List<ChatMessage> history = List.of(UserMessage.from("Who did Lleyton Hewitt beat in the Sydney final?"));

        assertEquals("What is the capital of Australia?", transform("What is the capital of Australia?", history));
    }

    @Test
    void given_a_question_that_asked_who_did_something_when_the_follow_up_says_he_then_the_answers_person_joins_the_context() {
        List<ChatMessage> history = List.of(UserMessage.from("Who stars in Ray?"),
                AiMessage.from("Ray has been nominated in six Oscar categories including best actor for Jamie Foxx [1]."));

        assertEquals("Which awards has he already won for the role? (context: Ray, Jamie Foxx)",
                transform("Which awards has he already won for the role?", history));
    }

    @Test
    void given_a_question_that_asked_who_holds_a_role_when_the_follow_up_says_he_then_the_answers_person_joins_the_context() {
        // given a question about a role, answered with the name of its holder
        List<ChatMessage> history = List.of(UserMessage.from("Who is the Chinese minister of public security?"),
                AiMessage.from("Wang Xiaohong, minister of public security, made the demands over the weekend [1]."));

        // when the follow-up says "he"
        String rewritten = transform("What did he complain about to Mayorkas?", history);

        // then "he" is the person the answer named, beside the user's own subject
        assertEquals("What did he complain about to Mayorkas? (context: Chinese, Wang Xiaohong)", rewritten);
    }

    @Test
    void given_an_answer_naming_an_institution_before_the_person_then_the_person_joins_the_context() {
        List<ChatMessage> history = List.of(UserMessage.from("Who said the principle is to verify first?"),
                AiMessage.from("Chinese Foreign Ministry spokeswoman Mao Ning said the principle is to verify first [1]."));

        assertEquals("What else did she say? (context: Who said the principle is to verify first?, Mao Ning)",
                transform("What else did she say?", history));
    }

    @Test
    void given_a_question_about_someone_named_when_the_follow_up_says_he_then_the_answer_is_not_read() {
        List<ChatMessage> history = List.of(UserMessage.from("Who did Lleyton Hewitt beat in the Sydney final?"),
                AiMessage.from("Lleyton Hewitt won against Ivo Minar in the final of the Sydney International [1]."));

        assertEquals("Who does he play in the first round? (context: Lleyton Hewitt, Sydney)",
                transform("Who does he play in the first round?", history));
    }

    @Test
    void given_a_question_that_asked_who_did_something_when_the_follow_up_says_it_then_the_answer_is_not_read() {
        List<ChatMessage> history = List.of(UserMessage.from("Who is buying the Savoy hotel?"),
                AiMessage.from("The Savoy has been sold to a group led by Prince Alwaleed [1]."));

        assertEquals("How much will be spent renovating it? (context: Savoy)",
                transform("How much will be spent renovating it?", history));
    }

    @Test
    void tells_a_question_that_asks_who_acted_from_one_about_someone_named() {
        assertTrue(FollowUpQueryTransformer.asksDoer("Who stars in Ray?"));
        assertTrue(FollowUpQueryTransformer.asksDoer("Who is buying the Savoy hotel?"));
        assertTrue(FollowUpQueryTransformer.asksDoer("Who was elected mayor?"));
        assertTrue(FollowUpQueryTransformer.asksDoer("Who is the Chinese minister of public security?"));
        assertTrue(FollowUpQueryTransformer.asksDoer("Who was the first to climb it?"));
        assertFalse(FollowUpQueryTransformer.asksDoer("Who is Chen Chuangchuang?"));
        assertFalse(FollowUpQueryTransformer.asksDoer("Who did Lleyton Hewitt beat?"));
        assertFalse(FollowUpQueryTransformer.asksDoer("What did Mao Ning say?"));
    }
}
