package io.footnote.answer;

import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompoundQuestionsTest {

    private static final ScoredSentence SAVINGS = sentence(4, "Novartis expects cost savings of about $200m a year.");
    private static final ScoredSentence HEXAL = sentence(2, "Novartis said it had bought all of Germany's Hexal.");
    private static final ScoredSentence SALES = sentence(1, "Novartis forecast record sales for 2005.");

    @Test
    void splits_two_questions_joined_by_and() {
        assertEquals(List.of("What did Novartis buy?", "how much does it expect to save a year?"),
                CompoundQuestions.halves("What did Novartis buy and how much does it expect to save a year?"));
        assertEquals(List.of("How fast has the economy grown?", "how fast is it expected to grow in 2005?"),
                CompoundQuestions.halves("How fast has the economy grown, and how fast is it expected to grow in 2005?"));
    }

    @Test
    void leaves_a_question_that_asks_one_thing_whole() {
        for (String one : List.of("Southern California is famous for tourism and what notably named district?",
                "British commentators include Darren Fletcher, Rocky Boiman and who else?",
                "Who won the match and the cup?", "How much higher was the figure compared to other jobs?",
                "How populous is Victoria compared to other Australian states?",
                "What is the force equivalent of torque compared to angular momentum?")) {
            assertEquals(List.of(one), CompoundQuestions.halves(one));
        }
    }

    @Test
    void given_a_compound_question_when_retrieved_then_each_halfs_best_sentence_goes_first() {
        List<String> asked = new ArrayList<>();
        SentenceRetriever index = (query, topK) -> {
            asked.add(query);
            if (query.startsWith("What did Novartis buy?")) {
                return retrieval(query, 0.6, HEXAL, SALES);
            }
            if (query.startsWith("how much")) {
                return retrieval(query, 0.5, SAVINGS, SALES);
            }
            return retrieval(query, 0.55, SAVINGS, SALES, HEXAL);
        };

        Retrieval r = new CompoundQuestions(index, 0.37)
                .retrieve("What did Novartis buy and how much does it expect to save a year?", 8);

        assertEquals(List.of(HEXAL, SAVINGS, SALES), r.sentences());
        assertEquals(List.of(1.0, 1.0, 0.5), r.likelihood());
        assertEquals(0.55, r.answerability(), 1e-9); // judged on the whole question
        assertEquals("how much does it expect to save a year? (context: Novartis)", asked.get(2));
    }

    @Test
    void given_a_half_the_articles_do_not_answer_when_retrieved_then_only_the_other_half_goes_first() {
        SentenceRetriever index = (query, topK) -> query.startsWith("What did Novartis buy?")
                ? retrieval(query, 0.2, SALES) : retrieval(query, 0.55, SAVINGS, SALES, HEXAL);

        Retrieval r = new CompoundQuestions(index, 0.37)
                .retrieve("What did Novartis buy and how much does it expect to save a year?", 8);

        assertEquals(List.of(SAVINGS, SALES, HEXAL), r.sentences());
    }

    @Test
    void a_question_asking_one_thing_is_retrieved_once_as_it_is() {
        List<String> asked = new ArrayList<>();
        Retrieval whole = retrieval("q", 0.55, SAVINGS, SALES);
        SentenceRetriever index = (query, topK) -> {
            asked.add(query);
            return whole;
        };

        Retrieval r = new CompoundQuestions(index, 0.37).retrieve("How much does Novartis expect to save?", 8);

        assertEquals(whole, r);
        assertEquals(List.of("How much does Novartis expect to save?"), asked);
    }

    private static Retrieval retrieval(String query, double answerability, ScoredSentence... ranked) {
        List<Double> likelihood = new ArrayList<>();
        for (int i = 0; i < ranked.length; i++) {
            likelihood.add(1.0 / (1 << i));
        }
        return new Retrieval(query, List.of(), List.of(ranked), answerability, likelihood);
    }

    private static ScoredSentence sentence(int index, String text) {
        return new ScoredSentence("business--201", index, 0, text.length(), text, 0.5, 0.5, 0.5);
    }
}
