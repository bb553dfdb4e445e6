package io.footnote.answer;

import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Retrieval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractiveAnswererTest {

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(3, 0.4, 0.85);

    private static ScoredSentence s(String doc, int i, String text, double score) {
        return new ScoredSentence(doc, i, 0, text.length(), text, score, score, score);
    }

    @Test
    void abstains_when_best_sentence_is_below_threshold() {
        Answerer.Draft draft = answerer.answer("q", new Retrieval("q", List.of(), List.of(s("a", 0, "Weak.", 0.39))));

        assertTrue(draft.abstained());
        assertTrue(draft.cited().isEmpty());
        assertEquals(ExtractiveAnswerer.ABSTENTION, draft.text());
    }

    @Test
    void quotes_close_runners_up_once_each_with_markers() {
        List<ScoredSentence> ranked = List.of(
                s("a", 3, "Best one.", 0.80),
                s("b", 1, "Best  one.", 0.79),      // same wording in another article
                s("a", 7, "Close second.", 0.70),
                s("a", 9, "Close third.", 0.69),
                s("a", 2, "Fourth would exceed the limit.", 0.69));

        Answerer.Draft draft = answerer.answer("q", new Retrieval("q", List.of(), ranked));

        assertFalse(draft.abstained());
        assertEquals("Best one. [1] Close second. [2] Close third. [3]", draft.text());
        assertEquals(List.of(3, 7, 9), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());
    }

    @Test
    void leaves_out_sentences_far_below_the_best() {
        List<ScoredSentence> ranked = List.of(s("a", 0, "Strong.", 0.9), s("a", 1, "Much weaker.", 0.6));

        Answerer.Draft draft = answerer.answer("q", new Retrieval("q", List.of(), ranked));

        assertEquals("Strong. [1]", draft.text());
    }

    @Test
    void given_low_answerability_when_answering_then_it_declines_even_with_a_strong_sentence() {
        ExtractiveAnswerer strict = new ExtractiveAnswerer(3, 0.3, 0.85, 0.37, id -> java.util.Optional.empty());
        List<ScoredSentence> ranked = List.of(s("a", 0, "More than 90% of the airline's staff are in Australia.", 0.8));

        assertTrue(strict.answer("q", new Retrieval("q", List.of(), ranked, 0.2)).abstained());
        assertFalse(strict.answer("q", new Retrieval("q", List.of(), ranked, 0.6)).abstained());
    }

    @Test
    void given_a_sentence_opening_a_quotation_when_answering_then_the_next_sentence_is_quoted_too() {
        String first = "“Regarding the repatriation, China's principle is to verify first and then repatriate.";
        String second = "We will accept Chinese citizens who are verified to be from the Chinese mainland,” she said.";
        String text = "Intro. " + first + " " + second;
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        io.footnote.domain.Document doc = new io.footnote.domain.Document("d", "t", null, text, List.of(
                new io.footnote.domain.Sentence(0, 0, 6), new io.footnote.domain.Sentence(1, a, a + first.length()),
                new io.footnote.domain.Sentence(2, b, b + second.length())), "d.txt", "h");
        ExtractiveAnswerer quoting = new ExtractiveAnswerer(1, 0.3, 0.85, 0, id -> java.util.Optional.of(doc));
        ScoredSentence best = new ScoredSentence("d", 1, a, a + first.length(), first, 0.9, 0.9, 0.9);

        Answerer.Draft draft = quoting.answer("q", new Retrieval("q", List.of(), List.of(best), 0.9));

        assertEquals(List.of(1, 2), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());
        assertEquals(first + " [1] " + second + " [2]", draft.text());
    }

    @Test
    void given_closed_or_no_quotations_when_checking_then_only_open_ones_and_colons_run_on() {
        assertTrue(ExtractiveAnswerer.runsOn("“We will verify first."));
        assertTrue(ExtractiveAnswerer.runsOn("The minister said:"));
        assertFalse(ExtractiveAnswerer.runsOn("“We will verify first,” she said."));
        assertFalse(ExtractiveAnswerer.runsOn("China often refuses to cooperate with repatriation."));
    }

    private static io.footnote.domain.Document article(String... sentences) {
        StringBuilder text = new StringBuilder();
        List<io.footnote.domain.Sentence> spans = new java.util.ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            int start = text.length();
            text.append(sentences[i]);
            spans.add(new io.footnote.domain.Sentence(i, start, text.length()));
            text.append(' ');
        }
        return new io.footnote.domain.Document("d", "t", null, text.toString(), spans, "d.txt", "h");
    }

    private static ScoredSentence ranked(io.footnote.domain.Document d, int i, double score) {
        var span = d.sentences().get(i);
        return new ScoredSentence(d.id(), i, span.start(), span.end(), d.sentenceText(i), score, score, score);
    }

    @Test
    void given_a_best_sentence_that_answers_half_the_question_then_the_neighbour_that_states_the_rest_is_quoted_too() {
        // given an article whose facts the question asks for are spread over two adjacent sentences
        var d = article("Sony showed its console in Tokyo.",
                "The Cell chip runs at 4 GHz, its makers said.",
                "By comparison, rival chip maker Intel's fastest processor runs at 3.8 GHz.",
                "Details were released at a conference in San Francisco.");
        ExtractiveAnswerer answering = new ExtractiveAnswerer(3, 0.3, 0.85, 0, id -> java.util.Optional.of(d));
        String question = "How fast is the Cell chip compared with Intel's fastest processor?";

        // when the best-ranked sentence is the one about Intel alone
        Answerer.Draft draft = answering.answer(question, new Retrieval(question, List.of(), List.of(ranked(d, 2, 0.8)), 0.9));

        // then the sentence before it, which names the Cell chip with a number, is quoted with its own marker
        assertEquals(List.of(2, 1), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());
        assertTrue(draft.text().endsWith("its makers said. [2]"), draft.text());
    }

    @Test
    void given_a_best_sentence_that_states_the_whole_question_or_neighbours_that_add_nothing_then_it_is_quoted_alone() {
        var d = article("Sony showed its console in Tokyo.",
                "The Cell chip runs at 4 GHz, faster than Intel's fastest processor.",
                "Details were released at a conference in San Francisco.");
        ExtractiveAnswerer answering = new ExtractiveAnswerer(3, 0.3, 0.85, 0, id -> java.util.Optional.of(d));

        // the best sentence says all the question asks: nothing to complete
        String whole = "How fast is the Cell chip compared with Intel's fastest processor?";
        Answerer.Draft draft = answering.answer(whole, new Retrieval(whole, List.of(), List.of(ranked(d, 1, 0.8)), 0.9));
        assertEquals(List.of(1), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());

        // the question's missing words ("memory", "price") are in neither neighbour
        String other = "How fast is the Cell chip and what memory price was set?";
        draft = answering.answer(other, new Retrieval(other, List.of(), List.of(ranked(d, 1, 0.8)), 0.9));
        assertEquals(List.of(1), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());
    }

    @Test
    void given_a_why_question_whose_best_sentence_echoes_it_then_the_neighbour_reporting_the_ruling_is_quoted_too() {
        var d = article("Aaliyah's record company has failed in an attempt to sue the producer who booked the flight.",
                "A New York appeals court has told Blackground Records that only the singer's parents could make a claim.",
                "The singer's family came to a settlement in 2003.");
        ExtractiveAnswerer answering = new ExtractiveAnswerer(3, 0.3, 0.85, 0, id -> java.util.Optional.of(d));

        // a why-question: the reason is reported ("told … that"), not joined by "because"
        String why = "Why was the claim by Aaliyah's record company dismissed?";
        Answerer.Draft draft = answering.answer(why, new Retrieval(why, List.of(), List.of(ranked(d, 0, 0.8)), 0.9));
        assertEquals(List.of(0, 1), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());

        // the same neighbour gives no answer to a question asking when, not why
        String what = "When was the claim by Aaliyah's record company dismissed?";
        draft = answering.answer(what, new Retrieval(what, List.of(), List.of(ranked(d, 0, 0.8)), 0.9));
        assertEquals(List.of(0), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());
    }

    @Test
    void given_ranker_likelihoods_when_answering_then_further_sentences_follow_the_likelihood_not_the_score() {
        // given the ranker's order, whose second sentence scores far below the best but is nearly as likely
        // to hold the answer, and whose third scores higher but is unlikely
        List<ScoredSentence> ranked = List.of(
                s("a", 3, "Skype now has 28 million users.", 0.5),
                s("a", 2, "Skype grew fast.", 0.41),
                s("a", 9, "Users of Skype call for free.", 0.7));
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(3, 0.4, 0.85, 0, id -> java.util.Optional.empty());

        // when answered
        Answerer.Draft draft = answerer.answer("q", new Retrieval("q", List.of(), ranked, 1, List.of(1.0, 0.5, 0.05)));

        // then the likely second is quoted and the unlikely third not
        assertEquals(List.of(3, 2), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());
    }

    @Test
    void given_ranker_likelihoods_when_a_likely_sentence_scores_under_the_floor_then_it_is_skipped_not_the_end() {
        List<ScoredSentence> ranked = List.of(
                s("a", 3, "Best.", 0.6),
                s("a", 4, "Likely but weak.", 0.2),
                s("a", 5, "Likely and strong enough.", 0.5));
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(3, 0.4, 0.85, 0, id -> java.util.Optional.empty());

        Answerer.Draft draft = answerer.answer("q", new Retrieval("q", List.of(), ranked, 1, List.of(1.0, 0.9, 0.8)));

        assertEquals(List.of(3, 5), draft.cited().stream().map(ScoredSentence::sentenceIndex).toList());
    }

    @Test
    void given_ranker_likelihoods_when_the_first_ranked_scores_under_the_floor_then_the_next_is_quoted_not_declined() {
        List<ScoredSentence> ranked = List.of(s("a", 1, "Ranked first, weak.", 0.3), s("a", 2, "Strong.", 0.6));
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(3, 0.4, 0.85, 0, id -> java.util.Optional.empty());

        Answerer.Draft draft = answerer.answer("q", new Retrieval("q", List.of(), ranked, 1, List.of(1.0, 0.05)));

        assertFalse(draft.abstained());
        assertEquals("Strong. [1]", draft.text());
    }
}
