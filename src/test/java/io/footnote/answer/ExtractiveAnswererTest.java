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
}
