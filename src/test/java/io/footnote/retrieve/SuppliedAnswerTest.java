package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuppliedAnswerTest {

    private static final String QUESTION = "To what level are US interest rates expected to rise?";
    private static final Set<String> WORDS = AnswerType.words(QUESTION);

    @Test
    void an_echo_followed_by_the_number_it_leads_to_supplies_the_answer() {
        // given a question asking for a level, judged on an echo of it that gives no number
        assertEquals(AnswerType.NUMBER, AnswerType.of(QUESTION));
        ScoredSentence echo = Scored.sentence("a", 15,
                "US interest rates are expected to rise following the Federal Reserve's meeting on Tuesday.");
        ScoredSentence next = Scored.sentence("a", 16, "Borrowing costs are tipped to rise by a quarter of a point to 2.25%.");

        // when the sentence quoted first is the echo's neighbour and gives a number, then the answer is supplied
        assertEquals(false, DefaultSentenceRetriever.supplied(AnswerType.NUMBER, echo, echo, WORDS));
        assertEquals(true, DefaultSentenceRetriever.supplied(AnswerType.NUMBER, echo, next, WORDS));
        assertEquals(true, DefaultSentenceRetriever.supplied(AnswerType.NUMBER, next, echo, WORDS));
    }

    @Test
    void a_number_quoted_from_elsewhere_does_not_supply_the_answer() {
        // given the same echo, and a sentence with a number that is not its neighbour
        ScoredSentence echo = Scored.sentence("a", 15,
                "US interest rates are expected to rise following the Federal Reserve's meeting on Tuesday.");
        ScoredSentence farther = Scored.sentence("a", 18, "Borrowing costs are tipped to rise by a quarter of a point to 2.25%.");
        ScoredSentence otherArticle = Scored.sentence("b", 16, "Borrowing costs are tipped to rise by a quarter of a point to 2.25%.");

        // when it is quoted first, then the judged echo still leaves the question unanswered
        assertEquals(false, DefaultSentenceRetriever.supplied(AnswerType.NUMBER, echo, farther, WORDS));
        assertEquals(false, DefaultSentenceRetriever.supplied(AnswerType.NUMBER, echo, otherArticle, WORDS));
    }
}
