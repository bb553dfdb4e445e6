package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContrastTest {

    @Test
    void a_sentence_stating_the_opposite_of_the_questions_word_contradicts_it() {
        assertEquals(Optional.of("lowest"), Contrast.contradicted("What is the lowest court in the European Union?",
                "The European Court of Justice is the highest court able to interpret European Union law."));
        assertEquals(Optional.of("private"), Contrast.contradicted("How was Tymnet connected to other private networks?",
                "Tymnet was also connected to dozens of other public networks in the U.S."));
    }

    @Test
    void a_word_with_a_negative_prefix_is_contradicted_by_the_word_without_it() {
        assertEquals(Optional.of("uncommon"), Contrast.contradicted(
                "What kind of interethnic marriage became uncommon in the Jin dynasty?",
                "Interethnic marriage between Han and Jurchen became common at this time."));
    }

    @Test
    void a_sentence_that_also_states_the_word_in_any_form_contradicts_nothing() {
        assertEquals(Optional.empty(), Contrast.contradicted("What is the highest court in the European Union?",
                "The European Court of Justice is the highest court able to interpret European Union law."));
        // "losing" is a form of "lose", though the sentence also says "win"
        assertEquals(Optional.empty(), Contrast.contradicted("How many games did the Panthers lose?",
                "After losing two games, they went on to win the next ten."));
    }

    @Test
    void a_choice_or_a_question_holding_both_words_is_not_contradicted() {
        assertEquals(Optional.empty(), Contrast.contradicted("Which is more costly, formal or informal imperialism?",
                "Informal rule is generally less costly than taking over territories formally."));
        assertEquals(Optional.empty(), Contrast.contradicted("Is the upper or the lower house larger?",
                "The upper house is smaller."));
        assertEquals(Optional.empty(), Contrast.contradicted("Who did the factory belong to before and after 2005?",
                "After 2005 the factory belonged to AvtoZAZ."));
    }

    @Test
    void converses_are_no_contradiction() {
        // given a question about who bought, answered by who sold to whom
        assertEquals(Optional.empty(), Contrast.contradicted("Who bought the factory in 2005?",
                "In 2005 the factory was sold to AvtoZAZ, a Ukrainian car manufacturer."));
    }

    @Test
    void given_contradicting_evidence_when_no_sentence_quoted_first_states_the_word_then_the_question_is_contradicted() {
        String question = "What is the lowest court in the European Union?";
        ScoredSentence highest = Scored.sentence("d", 0, "The European Court of Justice is the highest court in the Union.");
        ScoredSentence other = Scored.sentence("d", 1, "The court sits in Luxembourg.");
        ScoredSentence lowest = Scored.sentence("d", 2, "The lowest courts are those of the member states.");

        assertEquals(true, DefaultSentenceRetriever.contradicted(question, highest, List.of(highest, other)));
        assertEquals(false, DefaultSentenceRetriever.contradicted(question, highest, List.of(highest, other, lowest)));
        assertEquals(false, DefaultSentenceRetriever.contradicted(question, other, List.of(other, highest)));
    }
}
