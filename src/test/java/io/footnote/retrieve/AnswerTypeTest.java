package io.footnote.retrieve;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerTypeTest {

    @Test
    void given_question_words_when_classified_then_the_asked_for_kind_is_found() {
        assertEquals(AnswerType.NUMBER, AnswerType.of("How many users does Skype have?"));
        assertEquals(AnswerType.NUMBER, AnswerType.of("What percentage of staff are based in Australia?"));
        assertEquals(AnswerType.DATE, AnswerType.of("When did the strike end?"));
        assertEquals(AnswerType.NAME, AnswerType.of("Which company made the Xbox 360's processor?"));
        assertEquals(AnswerType.NAME, AnswerType.of("Who won the 2018 Champions League final?"));
        assertEquals(AnswerType.PLACE, AnswerType.of("Where was the summit held?"));
        assertEquals(AnswerType.REASON, AnswerType.of("Why did the shares fall?"));
        assertEquals(AnswerType.OTHER, AnswerType.of("What is China's principle on repatriation?"));
    }

    @Test
    void given_a_number_question_when_the_sentence_only_repeats_its_number_then_it_supplies_nothing() {
        Set<String> q = AnswerType.words("How many users did Skype have in 2005?");

        assertFalse(AnswerType.NUMBER.suppliedBy("Skype grew in 2005.", q));
        assertTrue(AnswerType.NUMBER.suppliedBy("Skype now has 28 million users around the world.", q));
    }

    @Test
    void given_a_who_question_when_the_sentence_names_only_the_questions_own_names_then_it_supplies_nothing() {
        Set<String> q = AnswerType.words("Which company made the Xbox 360's processor?");

        assertFalse(AnswerType.NAME.suppliedBy("The Xbox 360 processor is fast.", q));
        assertTrue(AnswerType.NAME.suppliedBy("The processor for the Xbox 360 was made by IBM.", q));
    }

    @Test
    void given_why_and_where_questions_when_the_sentence_gives_a_reason_or_place_then_it_supplies_it() {
        assertTrue(AnswerType.REASON.suppliedBy("Shares fell because profits dropped.",
                AnswerType.words("Why did the shares fall?")));
        assertFalse(AnswerType.REASON.suppliedBy("Shares fell sharply.", AnswerType.words("Why did the shares fall?")));
        assertTrue(AnswerType.PLACE.suppliedBy("The summit was held in Geneva.",
                AnswerType.words("Where was the summit held?")));
        assertFalse(AnswerType.OTHER.suppliedBy("Anything at all in 2005.", Set.of()));
    }
}
