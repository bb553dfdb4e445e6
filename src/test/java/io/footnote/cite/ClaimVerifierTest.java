package io.footnote.cite;

import io.footnote.ingest.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimVerifierTest {

    /** Bag-of-letters vectors: enough to make unrelated sentences dissimilar without loading a model. */
    private static float[] letters(String text) {
        float[] v = new float[26];
        for (char c : text.toLowerCase().toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                v[c - 'a']++;
            }
        }
        return v;
    }

    private final ClaimVerifier verifier = new ClaimVerifier(new SupportScorer(ClaimVerifierTest::letters), 0.5);
    private final List<String> sources = List.of(
            "U.S. Immigration and Customs Enforcement said it completed just 288 deportations back to China.",
            "Customs and Border Protection said it encountered nearly 53,000 unauthorized migrants from China last year.");

    private List<CitedAnswerBuilder.Claim> claims(String answer) {
        CitedAnswerBuilder b = new CitedAnswerBuilder(new SentenceSplitter()::split, 2);
        b.append(answer);
        b.finish(true);
        return b.claims();
    }

    @Test
    void flags_a_claim_whose_citation_states_another_number() {
        // given one faithful claim and one whose number the cited sentence does not state
        List<CitedAnswerBuilder.Claim> claims = claims(
                "ICE completed just 288 deportations back to China [1]. CBP encountered nearly 530,000 migrants from China [2].");

        // when
        ClaimVerifier.Result r = verifier.verify(claims, sources);

        // then
        assertTrue(r.supported().get(0), "support " + r.support().get(0));
        assertFalse(r.supported().get(1), "support " + r.support().get(1));
        assertEquals(List.of("CBP encountered nearly 530,000 migrants from China [2]."), r.unsupportedClaims());
        assertEquals(1, r.supportedClaims());
    }

    @Test
    void a_claim_without_citation_is_unsupported_unless_it_talks_about_the_sources() {
        ClaimVerifier.Result r = verifier.verify(
                claims("China will build a wall. The articles do not say how many flights left."), sources);

        assertEquals(List.of("China will build a wall."), r.unsupportedClaims());
    }

    @Test
    void a_quoted_source_sentence_is_fully_supported() {
        SupportScorer scorer = new SupportScorer(text -> {
            throw new AssertionError("an identical sentence needs no embedding");
        });

        assertEquals(1.0, scorer.score(sources.get(0), sources.get(0)));
    }
}
