package io.footnote.cite;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fitted scorer's behaviour at the 0.50 threshold, with the cosine given rather than embedded. */
class SupportScorerTest {

    private final SupportScorer scorer = new SupportScorer(text -> {
        throw new AssertionError("the cosine is given in these tests");
    });

    @Test
    void a_paraphrase_close_in_meaning_is_supported_though_it_shares_few_words() {
        String claim = "Beijing agreed to take back its citizens who crossed the border unlawfully.";
        String source = "China will accept the repatriation of Chinese nationals who entered illegally.";

        double support = scorer.score(claim, source, 0.80);

        assertTrue(support >= 0.5, "support " + support);
        assertTrue(SupportScorer.coverage(claim, source) < 0.3);
    }

    @Test
    void a_sentence_on_the_same_topic_but_not_close_in_meaning_is_not_supported() {
        double support = scorer.score("Deportation flights to China resumed in March.",
                "Deportation flights to Colombia began ramping up in December.", 0.45);

        assertFalse(support >= 0.5, "support " + support);
    }

    @Test
    void a_wrong_number_vetoes_a_close_sentence() {
        String source = "ICE said it completed just 288 deportations back to China.";

        double right = scorer.score("ICE completed 288 deportations to China.", source, 0.9);
        double wrong = scorer.score("ICE completed 2,880 deportations to China.", source, 0.9);

        assertTrue(right >= 0.5, "right " + right);
        assertFalse(wrong >= 0.5, "wrong " + wrong);
    }

    @Test
    void a_claim_opening_with_a_name_the_sentence_lacks_is_not_supported() {
        // given a sentence about one university and two claims that differ only in the name that opens them
        String source = "Boston College is a private research university located in Chestnut Hill, Massachusetts.";

        // when scored with the same (high) cosine
        double right = scorer.score("Boston College is located in Chestnut Hill.", source, 0.85);
        double wrong = scorer.score("Stanford University is located in Chestnut Hill.", source, 0.85);

        // then the opening name is checked like any other name ("University" is in the source, "Stanford" is not)
        assertTrue(right >= 0.5, "right " + right);
        assertFalse(wrong >= 0.5, "wrong " + wrong);
        assertEquals(1.0, Mismatches.penalty("Boston College is located in Chestnut Hill.", source));
        assertEquals(Mismatches.NAME_PENALTY,
                Mismatches.penalty("Stanford University is located in Chestnut Hill.", source), 1e-9);
    }

    @Test
    void a_single_capitalised_opening_word_may_be_the_subject_a_sentence_calls_it_and_is_not_checked() {
        // "Hydroxychloroquine" opens the claim; the sentence says "the drug": one capitalised word is not taken
        // for a name, since claims open with a capital anyway
        assertEquals(1.0, Mismatches.penalty("Hydroxychloroquine lowers the fever.",
                "The drug lowers the fever within a day."));
    }

    @Test
    void a_quoted_title_opening_a_claim_is_checked_as_a_name() {
        // given a sentence about the song "1979" and a claim that opens with another quoted title
        String source = "Released in 1996 as the second single from their third studio album, \"1979\" was written by "
                + "Billy Corgan.";

        // when the claims' names are read
        double wrong = Mismatches.penalty("\"Zero\" is the title of the second single from the album.", source);

        // then the quoted opening word counts as a name the source lacks; an unquoted one still does not
        assertEquals(Set.of("Zero"), Mismatches.names("\"Zero\" is the second single."));
        assertEquals(Mismatches.NAME_PENALTY, wrong, 1e-9);
        assertTrue(Mismatches.names("Zero is the second single.").isEmpty());
    }

    @Test
    void digits_inside_a_word_are_part_of_a_name_not_a_number() {
        // given a claim naming "C3" and "H2O", and a source that names them without stating any number
        String claim = "A tetrazole ring can be introduced at the C3 position in H2O.";
        String source = "The tetrazole is added at C3 of the indole in H2O.";

        // when their numbers are read
        // then there are none, so nothing is missing; a stand-alone number still counts
        assertTrue(Mismatches.numbers(claim).isEmpty());
        assertEquals(1.0, Mismatches.penalty(claim, source));
        assertEquals(Set.of("3"), Mismatches.numbers("It has 3 rings at C3."));
        assertEquals(Mismatches.NUMBER_PENALTY, Mismatches.penalty("The baby would score 1.", "An A1 score."), 1e-9);
    }

    @Test
    void a_possessive_name_is_stated_by_a_source_with_the_same_possessive_or_the_bare_name() {
        String source = "Arthur's Magazine was an American literary periodical first published in 1844.";

        assertEquals(1.0, Mismatches.penalty("It was the first issue of Arthur's Magazine.", source));
        assertEquals(1.0, Mismatches.penalty("It was the first issue of Arthur’s Magazine.", source));
        assertEquals(1.0, Mismatches.penalty("It was Arthur's first magazine.", "Arthur founded a magazine."));
    }

    @Test
    void a_name_spelled_with_a_number_word_is_stated_by_a_source_that_spells_it_the_same() {
        // "Twenty One Pilots" opens the claim, so its words are checked; "twenty" is read as 20 on both sides
        String source = "Twenty One Pilots is an American musical duo originating from Columbus, Ohio.";

        assertEquals(1.0, Mismatches.penalty("Twenty One Pilots", source));
        assertEquals(1.0, Mismatches.penalty("Twenty One Pilots come from Columbus.", source));
    }

    @Test
    void a_short_answer_phrase_must_be_stated_in_so_many_words() {
        String source = "Arthur's Magazine was an American literary periodical first published in 1844.";

        assertTrue(SupportScorer.isPhrase("Arthur's Magazine"));
        assertTrue(scorer.score("Arthur's Magazine", source, 0.3) >= 0.5);
        assertFalse(scorer.score("First for Women", source, 0.9) >= 0.5);
    }

    @Test
    void more_similarity_coverage_or_fewer_mismatches_never_lower_support() {
        for (SupportScorer.Weights w : new SupportScorer.Weights[]{SupportScorer.SENTENCE, SupportScorer.PHRASE}) {
            assertTrue(w.similarity() >= 0 && w.coverage() >= 0 && w.penalty() >= 0, w.toString());
            assertTrue(w.support(0.9, 0.5, 1) >= w.support(0.5, 0.5, 1));
            assertTrue(w.support(0.5, 0.5, 1) >= w.support(0.5, 0.5, 0.35));
        }
    }

    @Test
    void a_short_answer_phrase_is_checked_without_embedding_anything() {
        String source = "Arthur's Magazine was an American literary periodical first published in 1844.";
        SourceText text = SourceText.raw("1", source, new io.footnote.ingest.SentenceSplitter()::split);

        double support = scorer.score("Arthur's Magazine", source); // the embedder here throws if asked

        assertTrue(support >= 0.5, "support " + support);
        assertTrue(new EvidenceFinder(scorer).toEmbed("Arthur's Magazine", text).isEmpty());
        assertTrue(new EvidenceFinder(scorer).find("in 1844", text).support() >= 0.5);
    }

    @Test
    void rejects_a_comparison_whose_conclusion_the_source_does_not_state() {
        // given a sentence with a fact about one side of a comparison, and a claim concluding the comparison
        String source = "Lydia Davis (born July 15, 1947) is an American writer noted for very short fiction.";
        String claim = "Lydia Davis was born first.";

        // when scored with a high cosine
        double support = scorer.score(claim, source, 0.85);

        // then the comparison ("first") is one the source does not state: vetoed like a missing name
        assertEquals(Mismatches.COMPARISON_PENALTY, Mismatches.penalty(claim, source), 1e-9);
        assertFalse(support >= 0.5, "support " + support);
        assertTrue(scorer.score("Lydia Davis was born in 1947.", source, 0.85) >= 0.5);
    }

    @Test
    void rejects_a_comparison_with_than_or_in_a_short_answer_the_source_does_not_state() {
        String members = "Saint Motel is an American indie pop band of four members.";
        String species = "Chelone is a genus of four species of perennial herbaceous plants.";

        assertEquals(Set.of("more"), Mismatches.comparisons("Curve has more members than Saint Motel."));
        assertEquals(Mismatches.COMPARISON_PENALTY,
                Mismatches.penalty("Saint Motel has more members than the other band.", members), 1e-9);
        assertTrue(SupportScorer.isPhrase("Chelone has more species."));
        assertTrue(scorer.score("Chelone has four species.", species, 0) >= 0.5);
        assertFalse(scorer.score("Chelone has more species.", species, 0) >= 0.5);
    }

    @Test
    void accepts_a_comparison_the_source_states_and_leaves_a_qualifying_comparative_alone() {
        // given a source that states the comparison, and a claim where "higher" qualifies a noun mid-sentence
        assertEquals(1.0, Mismatches.penalty("The Octopus card was launched earlier.",
                "The Octopus card was launched in 1997, twelve years earlier."));
        assertEquals(1.0, Mismatches.penalty("Stainless steel pipes offer higher corrosion resistance in water.",
                "Stainless steel resists corrosion in water."));
        assertTrue(Mismatches.comparisons("Stainless steel pipes offer higher corrosion resistance in water.")
                .isEmpty());
        assertTrue(Mismatches.comparisons("It was Arthur's first magazine.").isEmpty());
    }

    @Test
    void a_quote_scores_one_without_embedding() {
        assertEquals(1.0, scorer.score("China will accept them.", "“China will accept them.”"));
    }
}
