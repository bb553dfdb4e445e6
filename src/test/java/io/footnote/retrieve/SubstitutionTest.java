package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubstitutionTest {

    @Test
    void a_sentence_naming_another_thing_before_the_same_noun_replaces_the_questions_name() {
        assertEquals(Optional.of("American"), Substitution.replaced(
                "What year did a toxic waste spill from an American ship prompt the Commission to act?",
                "In 2006, a toxic waste spill off the coast of Côte d'Ivoire, from a European ship, prompted the Commission to act."));
        assertEquals(Optional.of("Liberal"), Substitution.replaced(
                "Following the Liberal victory in 2015, what changed?",
                "Following the Conservative victory in 2015, standing orders were changed."));
    }

    @Test
    void a_sentence_counting_or_ordering_differently_before_the_same_noun_replaces_the_questions_number() {
        assertEquals(Optional.of("first"), Substitution.replaced(
                "What method is used in tallying votes in the first vote of the ballot?",
                "In the second vote of the ballot, the votes are tallied by the single transferable vote method."));
        assertEquals(Optional.of("three"), Substitution.replaced(
                "If three identical fermions have a symmetric spin, what must the spatial variables be?",
                "If two identical fermions have a symmetric spin, the spatial variables must be antisymmetric."));
        assertEquals(Optional.of("20th"), Substitution.replaced(
                "What type of engines became widespread around the end of the 20th century?",
                "Reciprocating engines became widespread around the end of the 19th century."));
    }

    @Test
    void the_same_word_in_another_form_is_no_replacement() {
        // possessive, number written out, a demonym of the same name
        assertEquals(Optional.empty(), Substitution.replaced("On what is Victoria's constitution based?",
                "The Victoria constitution is based on the Westminster system."));
        assertEquals(Optional.empty(), Substitution.replaced("What did the five years of school add?",
                "An additional 5 years of school added 10% to income."));
        assertEquals(Optional.empty(), Substitution.replaced("Where was the Kievian force defeated?",
                "The Kievan force was defeated at the Kalka River."));
        assertEquals(Optional.empty(), Substitution.replaced("How did Brainbridge's official ledgers report revenue?",
                "Bainbridge’s official ledgers reported revenue in dollars."));
        assertEquals(Optional.empty(), Substitution.replaced("How much does Hague earn on top of his MP's salary?",
                "Mr Hague earns £1m on top of his MPs salary."));
    }

    @Test
    void an_abbreviation_or_a_word_opening_the_sentence_is_no_replacing_name() {
        assertEquals(Optional.empty(), Substitution.replaced("How long has proportionality been a principle of EU law?",
                "Proportionality has long been a general principle of Union law."));
        assertEquals(Optional.empty(), Substitution.replaced("What would the later Apollo missions carry?",
                "These missions would carry a lunar rover."));
    }

    @Test
    void a_sentence_that_also_states_the_questions_word_replaces_nothing() {
        assertEquals(Optional.empty(), Substitution.replaced("What happened in the first vote?",
                "The first vote was close; in the second vote the motion passed."));
    }

    @Test
    void given_a_replacing_sentence_when_no_sentence_quoted_first_states_the_word_then_the_question_is_substituted() {
        String question = "What year did a spill from an American ship prompt the Commission to act?";
        ScoredSentence european = Scored.sentence("d", 0, "In 2006 a spill from a European ship prompted the Commission to act.");
        ScoredSentence other = Scored.sentence("d", 1, "The Commission proposed a directive.");
        ScoredSentence american = Scored.sentence("d", 2, "An American ship had spilled oil in 1999.");

        assertTrue(DefaultSentenceRetriever.substituted(question, european, List.of(european, other)));
        assertFalse(DefaultSentenceRetriever.substituted(question, european, List.of(european, other, american)));
        assertFalse(DefaultSentenceRetriever.substituted(question, other, List.of(other, european)));
    }
}
