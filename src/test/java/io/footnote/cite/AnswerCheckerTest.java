package io.footnote.cite;

import io.footnote.ingest.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerCheckerTest {

    /** A bag-of-letters embedder: texts sharing words get similar vectors, with no model to load. */
    private static float[] letters(String text) {
        float[] v = new float[26];
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                v[c - 'a']++;
            }
        }
        return v;
    }

    private final List<Integer> batches = new ArrayList<>();
    private final CachedEmbedder cache = new CachedEmbedder(texts -> {
        batches.add(texts.size());
        return texts.stream().map(AnswerCheckerTest::letters).toList();
    }, 1000);
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final AnswerChecker checker = new AnswerChecker(new SupportScorer(cache), cache, splitter::split, 0.5);

    private static final String ICE = "The agency met on Monday. U.S. Immigration and Customs Enforcement said it "
            + "completed just 288 deportations back to China. Officials gave no reason.";

    @Test
    void given_a_claim_quoting_its_source_when_checked_then_it_is_supported_with_the_quoted_sentence_as_evidence() {
        String claim = "U.S. Immigration and Customs Enforcement said it completed just 288 deportations back to China.";
        AnswerChecker.Result r = checker.check(claim + " [1]", List.of(SourceText.raw("1", ICE, splitter::split)));

        AnswerChecker.ClaimCheck c = r.claims().getFirst();
        assertTrue(c.supported());
        Evidence e = c.citations().getFirst().evidence();
        assertEquals(claim, e.text());
        assertEquals(e.text(), ICE.substring(e.start(), e.end()));
        assertEquals(List.of(), r.unsupportedClaims());
    }

    @Test
    void given_a_changed_number_when_checked_then_the_claim_is_unsupported() {
        String claim = "U.S. Immigration and Customs Enforcement said it completed 2,880 deportations back to China [1].";
        AnswerChecker.Result r = checker.check(claim, List.of(SourceText.raw("1", ICE, splitter::split)));

        assertFalse(r.claims().getFirst().supported());
        assertEquals(1, r.unsupportedClaims().size());
    }

    @Test
    void given_markers_naming_no_source_when_checked_then_they_are_counted_and_the_claim_cites_nothing() {
        AnswerChecker.Result r = checker.check("ICE completed 288 deportations [7][8].",
                List.of(SourceText.raw("1", ICE, splitter::split)));

        assertEquals(2, r.removedMarkers());
        assertTrue(r.claims().getFirst().citations().isEmpty());
        assertFalse(r.claims().getFirst().supported());
    }

    @Test
    void given_a_marker_after_the_full_stop_when_checked_then_it_belongs_to_the_sentence_before() {
        String answer = "ICE completed 288 deportations to China. [1] Officials gave no reason. [2]";
        AnswerChecker.Result r = checker.check(answer, List.of(SourceText.raw("1", ICE, splitter::split),
                SourceText.raw("2", "Officials gave no reason.", splitter::split)));

        assertEquals(2, r.claims().size());
        assertEquals("1", r.claims().get(0).citations().getFirst().source());
        assertEquals("2", r.claims().get(1).citations().getFirst().source());
        assertEquals("Officials gave no reason.", r.claims().get(1).text());
        assertEquals(answer.indexOf("Officials"), r.claims().get(1).start());
    }

    @Test
    void given_a_claim_whose_two_facts_sit_in_adjacent_sentences_when_checked_then_the_evidence_spans_both() {
        String source = "Maria Lopez founded the bakery in 2019. It was the first vegan bakery in Ohio.";
        String claim = "Maria Lopez founded the first vegan bakery in Ohio in 2019 [1].";
        AnswerChecker.Result r = checker.check(claim, List.of(SourceText.raw("1", source, splitter::split)));

        Evidence e = r.claims().getFirst().citations().getFirst().evidence();
        assertEquals(source, e.text());
        assertTrue(r.claims().getFirst().supported());
    }

    @Test
    void given_a_claim_with_a_fact_no_sentence_states_when_checked_then_joining_sentences_does_not_support_it() {
        String source = "Maria Lopez founded the bakery in Toledo. She sold it to Harbor Foods in 2019.";
        String claim = "Maria Lopez founded the bakery in Toledo and sold it to Harbor Foods in 2021 [1].";
        AnswerChecker.Result r = checker.check(claim, List.of(SourceText.raw("1", source, splitter::split)));

        assertFalse(r.claims().getFirst().supported());
    }

    @Test
    void given_three_claims_when_checked_then_embeddings_are_computed_in_one_batch_per_round() {
        String answer = "The agency met officials on Monday in Washington [1]. ICE completed 288 deportations back "
                + "to China [1]. Officials gave no reason for the deportations [2].";
        checker.check(answer, List.of(SourceText.raw("1", ICE, splitter::split),
                SourceText.raw("2", "Officials gave no reason.", splitter::split)));

        // the three claims and each citation's likeliest sentence first, then any sentence still in play
        assertTrue(batches.size() <= 2, "batches: " + batches);
        assertTrue(batches.getFirst() >= 4, "batches: " + batches);
    }

    @Test
    void given_a_sentence_that_cannot_be_the_evidence_when_checked_then_it_is_not_embedded() {
        String wrong = "The agency completed 2,880 deportations to Mexico in 2019.";
        String source = "U.S. Immigration and Customs Enforcement said it completed just 288 deportations back to "
                + "China. " + wrong;
        List<String> seen = new ArrayList<>();
        CachedEmbedder recording = new CachedEmbedder(texts -> {
            seen.addAll(texts);
            return texts.stream().map(AnswerCheckerTest::letters).toList();
        }, 1000);
        AnswerChecker checking = new AnswerChecker(new SupportScorer(recording), recording, splitter::split, 0.5);

        AnswerChecker.Result r = checking.check("ICE completed 288 deportations to China [1].",
                List.of(SourceText.raw("1", source, splitter::split)));

        assertTrue(r.claims().getFirst().supported());
        assertFalse(seen.contains(wrong), "embedded: " + seen);
        assertEquals(2, seen.size(), "the claim and the quoting sentence: " + seen);
    }

    @Test
    void given_a_remark_about_the_sources_without_citation_when_checked_then_it_is_not_listed_as_unsupported() {
        AnswerChecker.Result r = checker.check("The sources do not say when it happened.", List.of());

        assertEquals(1, r.claims().size());
        assertEquals(List.of(), r.unsupportedClaims());
    }
}
