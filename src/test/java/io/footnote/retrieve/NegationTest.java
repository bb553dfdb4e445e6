package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NegationTest {

    @Test
    void a_question_about_what_is_not_so_is_negated_and_one_asking_both_ways_is_not() {
        assertEquals(true, Negation.asked("Which group can not meet at other locations in Scotland?"));
        assertEquals(true, Negation.asked("What didn't Newton's mechanics affect?"));
        assertEquals(true, Negation.asked("Why has Apollo never flown again?"));
        assertEquals(false, Negation.asked("Which field decides whether or not a problem can be solved?"));
        assertEquals(false, Negation.asked("Who can meet at other locations in Scotland?"));
        assertEquals(false, Negation.asked("What is not only cheap but fast?"));
    }

    @Test
    void a_sentence_states_a_negation_by_a_negating_word_or_a_verb_that_carries_one() {
        assertEquals(true, Negation.stated("The 1979 referendum to establish a Scottish Assembly failed."));
        assertEquals(true, Negation.stated("The Mongols destroyed the cities with the exceptions of Novgorod and Pskov."));
        assertEquals(true, Negation.stated("He couldn’t attend."));
        assertEquals(true, Negation.stated("“In the past, China rarely cooperated in accepting illegal migrants,” Chen noted."));
        assertEquals(false, Negation.stated("Committees can also meet at other locations throughout Scotland."));
        assertEquals(false, Negation.stated("The nothingness of the notion bothered Knott.")); // words, not letters
        assertEquals(true, Negation.stated("Those earning less than 35,000 rand a year will be exempt from income tax."));
    }

    @Test
    void a_sentence_that_only_restricts_or_compares_states_no_negation() {
        assertEquals(false, Negation.stated("The Court of Justice is the only court able to interpret EU law."));
        assertEquals(false, Negation.stated("Informal rule is less costly than taking over territories."));
        assertEquals(false, Negation.stated("The Dutch fought against the Spanish."));
    }

    @Test
    void given_a_negated_question_when_no_evidence_sentence_states_a_negation_then_the_negation_is_unstated() {
        // given a question about what a group can not do, and evidence that only says what it can
        String question = "Which group can not meet at other locations in Scotland?";
        ScoredSentence can = Scored.sentence("d", 0, "Committees can also meet at other locations throughout Scotland.");
        ScoredSentence other = Scored.sentence("d", 1, "Much of the work of the Scottish Parliament is done in committee.");
        ScoredSentence cannot = Scored.sentence("d", 2, "The full Parliament cannot meet outside Edinburgh.");

        // when neither the judged sentence nor the first ones quoted state a negation, then it is unstated
        assertEquals(true, DefaultSentenceRetriever.negationUnstated(question, can, List.of(can, other)));
        // when one the answer would quote does, it is stated
        assertEquals(false, DefaultSentenceRetriever.negationUnstated(question, can, List.of(can, other, cannot)));
        // beyond the first sentences quoted, a negation does not count
        assertEquals(true, DefaultSentenceRetriever.negationUnstated(question, can,
                List.of(can, other, other, cannot)));
        // and a question that is not negated never leaves a negation unstated
        assertEquals(false, DefaultSentenceRetriever.negationUnstated("Which group can meet in Scotland?", can,
                List.of(can)));
    }

    @Test
    void given_a_question_about_what_is_non_something_when_no_evidence_says_non_then_the_negation_is_unstated() {
        String question = "What grew on a global scale as a result of non-imperialism?";
        ScoredSentence imperial = Scored.sentence("d", 0,
                "Because of the resources made available by imperialism, the world's economy grew significantly.");
        ScoredSentence informal = Scored.sentence("d", 1, "Informal rule is less costly than taking territories.");
        ScoredSentence non = Scored.sentence("d", 2, "Non-imperial trade grew more slowly.");

        // "less" is a negation of a kind, yet the evidence never says what is "non-" imperial
        assertEquals(true, DefaultSentenceRetriever.negationUnstated(question, imperial, List.of(imperial, informal)));
        assertEquals(false, DefaultSentenceRetriever.negationUnstated(question, imperial,
                List.of(imperial, informal, non)));
        // evidence saying it with "not" states it
        assertEquals(false, DefaultSentenceRetriever.negationUnstated(question, imperial,
                List.of(imperial, Scored.sentence("d", 3, "Trade that was not imperial grew slowly."))));
        // a question without the prefix, or whose evidence has a non-word of its own, is not caught
        assertEquals(false, Negation.prefixAsked("What is nonetheless the largest economy?"));
        assertEquals(false, DefaultSentenceRetriever.negationUnstated(
                "Along with non-governmental schools, what is another name for private schools?",
                Scored.sentence("d", 0, "Private schools, also called independent or non-governmental schools…"),
                List.of()));
    }
}
