package io.footnote.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-kind figures of a golden set whose ids name their kind. */
class KindBreakdownTest {

    private static QuestionResult result(String id, boolean answerable, boolean abstained, boolean keyFacts,
                                         boolean firstIsGold, boolean firstHolds) {
        List<QuestionResult.Cited> cited = abstained ? List.of() : List.of(
                new QuestionResult.Cited("tech--001", 3, "text", firstIsGold, firstHolds),
                new QuestionResult.Cited("tech--002", 1, "text", false, false));
        return new QuestionResult(id, "q", null, answerable, abstained, "a", cited, List.of(), 0, firstHolds,
                firstHolds, 0, 0, cited.size(), 0, 0, keyFacts, 1, List.of(), null, 0, false, false,
                java.util.Map.of(), abstained ? 0.1 : 0.9);
    }

    @Test
    void fact_and_gold_first_needs_the_fact_and_a_gold_first_citation_and_how_counts_as_why() {
        // given
        List<QuestionResult> results = List.of(
                result("fact-a", true, false, true, true, true),
                result("fact-b", true, false, true, false, true),   // fact stated, first citation not gold
                result("how-c", true, false, false, true, true),    // gold cited, fact missing
                result("why-d", true, true, false, false, false),   // declined
                result("out-e", false, true, false, false, false),
                result("out-f", false, false, false, false, false));

        // when
        List<KindBreakdown> rows = KindBreakdown.of(results);

        // then
        assertEquals(List.of("fact", "why", "out", "answerable"), rows.stream().map(KindBreakdown::kind).toList());
        KindBreakdown fact = KindBreakdown.find(rows, "fact");
        assertEquals(0.5, fact.factAndGoldCitedFirst());
        assertEquals(1.0, fact.firstCitationHolds());
        KindBreakdown why = KindBreakdown.find(rows, "why");
        assertEquals(2, why.questions());
        assertEquals(0.0, why.factAndGoldCitedFirst());
        assertEquals(0.5, why.declined());
        assertEquals(0.5, KindBreakdown.find(rows, "out").declined());
        KindBreakdown answerable = KindBreakdown.find(rows, "answerable");
        assertEquals(4, answerable.questions());
        assertEquals(0.25, answerable.factAndGoldCitedFirst());
    }
}
