package io.footnote.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    @Test
    void token_f1_matches_hand_computed_squad_example() {
        // prediction tokens: [denver, broncos, won] ; reference: [denver, broncos] → P = 2/3, R = 1, F1 = 0.8
        assertEquals(0.8, Metrics.tokenF1("The Denver Broncos won.", List.of("Denver Broncos")), 1e-9);
        // best over references
        assertEquals(1.0, Metrics.tokenF1("Denver Broncos", List.of("Carolina Panthers", "the Denver Broncos")), 1e-9);
        assertEquals(0.0, Metrics.tokenF1("Panthers", List.of("Broncos")), 1e-9);
    }

    @Test
    void exact_match_ignores_case_punctuation_and_articles() {
        assertEquals(1.0, Metrics.exactMatch("the  U.S.!", List.of("U.S")));
        assertEquals(0.0, Metrics.exactMatch("288 deportations", List.of("288")));
    }

    @Test
    void key_facts_need_every_fact_and_accept_alternatives() {
        String answer = "U.S. Immigration and Customs Enforcement said it completed just 288 deportations [1]";
        assertTrue(Metrics.keyFactMatch(answer, List.of(List.of("288"), List.of("ICE", "Immigration and Customs Enforcement"))));
        assertFalse(Metrics.keyFactMatch(answer, List.of(List.of("288"), List.of("Mayorkas"))));
        assertFalse(Metrics.keyFactMatch("2880 deportations", List.of(List.of("288"))), "whole tokens only");
    }

    @Test
    void strips_citation_markers_of_every_style() {
        assertEquals("A fact. Another.", Metrics.stripMarkers("A fact [1]. Another [2, 5]【3】."));
    }

    @Test
    void ranks_give_recall_at_k_and_reciprocal_rank() {
        int rank = Metrics.firstRelevantRank(List.of(false, false, true, true));
        assertEquals(3, rank);
        assertFalse(Metrics.hitAtK(rank, 2));
        assertTrue(Metrics.hitAtK(rank, 3));
        assertEquals(1.0 / 3, Metrics.reciprocalRank(rank), 1e-12);
        assertEquals(0, Metrics.firstRelevantRank(List.of(false)));
        assertEquals(0.0, Metrics.reciprocalRank(0));
    }

    @Test
    void citation_recall_and_precision_follow_alce() {
        assertEquals(1.0, Metrics.citationRecall(Set.of("d#1", "d#4"), Set.of("d#4")));
        assertEquals(0.0, Metrics.citationRecall(Set.of("d#1"), Set.of("d#4")));
        assertEquals(2.0 / 3, Metrics.citationPrecision(List.of(true, false, true)), 1e-12);
    }

    @Test
    void percentile_uses_nearest_rank() {
        List<Long> v = List.of(5L, 1L, 4L, 2L, 3L, 10L, 7L, 6L, 9L, 8L);
        assertEquals(5.0, Metrics.percentile(v, 50));
        assertEquals(10.0, Metrics.percentile(v, 95));
        assertEquals(1.0, Metrics.percentile(v, 1));
    }
}
