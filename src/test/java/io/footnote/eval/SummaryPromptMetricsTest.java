package io.footnote.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The prompt and oracle metrics of {@link Summary}. */
class SummaryPromptMetricsTest {

    private static QuestionResult result(boolean answerable, List<String> gold, Boolean goldInPrompt, int tokens,
                                         boolean abstained, boolean citedSupported, boolean citedGold,
                                         Map<Integer, QuestionResult.PromptProbe> sweep) {
        return new QuestionResult("q", "question?", null, answerable, abstained, "a", List.of(), gold, 0, false,
                false, 0, 1, 0, 0, 0, false, 1, List.of(), goldInPrompt, tokens, citedSupported, citedGold, sweep, 0.5);
    }

    @Test
    void prompt_recall_is_over_answerable_questions_with_gold_and_tokens_over_built_prompts() {
        // given three answerable questions with gold (two in the prompt), one without resolved gold, one unanswerable
        var sweep = Map.of(1000, new QuestionResult.PromptProbe(false, 900));
        List<QuestionResult> results = List.of(
                result(true, List.of("d#1"), true, 2000, false, true, true, sweep),
                result(true, List.of("d#2"), true, 1000, false, false, false, sweep),
                result(true, List.of("d#3"), false, 0, true, false, false, Map.of(1000, new QuestionResult.PromptProbe(true, 600))),
                result(true, List.of(), false, 1500, false, true, false, sweep),
                result(false, List.of(), false, 1500, true, false, false, sweep));

        // when
        Summary s = Summary.of("set", Map.of(), results);

        // then
        assertEquals(2 / 3.0, s.metric("prompt.recall"), 1e-9);
        assertEquals((2000 + 1000 + 1500 + 1500) / 4.0, s.metric("prompt.tokens_avg"), 1e-9);
        assertEquals(2000, s.metric("prompt.tokens_max"));
        assertEquals(1 / 3.0, s.metric("prompt.recall@1000"), 1e-9);
        assertEquals((900 * 4 + 600) / 5.0, s.metric("prompt.tokens_avg@1000"), 1e-9);
        // of the three answered answerable questions, two are cited and supported; one of four cites gold
        assertEquals(2 / 3.0, s.metric("answer.cited_supported"), 1e-9);
        assertEquals(1 / 4.0, s.metric("answer.cited_gold_supported"), 1e-9);
    }

    @Test
    void no_prompt_metrics_when_the_prompt_was_not_measured() {
        Summary s = Summary.of("set", Map.of(), List.of(result(true, List.of("d#1"), null, 0, false, true, true, Map.of())));

        assertFalse(s.metrics().containsKey("prompt.recall"));
    }
}
