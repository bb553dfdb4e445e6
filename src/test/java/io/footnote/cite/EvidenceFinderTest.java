package io.footnote.cite;

import io.footnote.domain.Sentence;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which sentences {@link EvidenceFinder} compares by embedding, and that skipping the others changes nothing. */
class EvidenceFinderTest {

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

    private final Set<String> embedded = new HashSet<>();
    private final SupportScorer scorer = new SupportScorer(text -> {
        embedded.add(text);
        return letters(text);
    });
    private final SentenceSplitter splitter = new SentenceSplitter();

    private static final String CLAIM = "ICE completed 288 deportations to China.";
    private static final String QUOTED = "U.S. Immigration and Customs Enforcement said it completed just 288 "
            + "deportations back to China.";
    /** Shares words with the claim, but not its number, its country or "ICE" (so it completes no pair either). */
    private static final String WRONG = "The agency completed 2,880 deportations to Mexico in 2019.";

    @Test
    void given_a_shortlisted_sentence_that_cannot_win_whatever_its_cosine_when_found_then_it_is_not_embedded() {
        // given: both sentences share words with the claim (both shortlisted), but the second lacks its number
        // and its name, so even at cosine 1 it scores below what the quoting sentence reaches
        SourceText source = SourceText.raw("1", QUOTED + " " + WRONG, splitter::split);
        assertEquals(List.of(QUOTED, WRONG), new EvidenceFinder(scorer).toEmbed(CLAIM, source));

        Evidence e = new EvidenceFinder(scorer).find(CLAIM, source);

        assertEquals(QUOTED, e.text());
        assertEquals(scorer.score(CLAIM, QUOTED), e.support(), 1e-12);
        assertFalse(embedded.contains(WRONG), "embedded: " + embedded);
    }

    @Test
    void given_two_sentences_either_of_which_could_win_when_found_then_both_are_embedded() {
        String paraphrase = "ICE deported 288 people to China after completing the flights.";
        SourceText source = SourceText.raw("1", QUOTED + " " + paraphrase, splitter::split);

        new EvidenceFinder(scorer).find(CLAIM, source);

        assertTrue(embedded.containsAll(List.of(QUOTED, paraphrase)), "embedded: " + embedded);
    }

    @Test
    void given_rounds_of_next_to_embed_when_a_vector_is_known_then_the_next_round_names_only_what_is_still_in_play() {
        SourceText source = SourceText.raw("1", WRONG + " " + QUOTED, splitter::split);
        EvidenceFinder finder = new EvidenceFinder(scorer);
        Set<String> known = new HashSet<>();

        // the claim unknown: the sentence that could score highest comes first, whatever its place in the source
        EvidenceFinder.Reading reading = finder.read(CLAIM, source);
        assertEquals(List.of(CLAIM, QUOTED), reading.nextToEmbed(known::contains));
        known.addAll(List.of(CLAIM, QUOTED));

        // once it is known, the other one cannot win, so nothing more is needed
        assertTrue(reading.nextToEmbed(known::contains).isEmpty());
    }

    @Test
    void over_the_seed_articles_the_evidence_is_what_comparing_every_shortlisted_sentence_gives() {
        // Claims are sentences of the seed articles, cut short and with a number or name changed now and then;
        // sources are runs of four sentences. The reference embeds every shortlisted sentence.
        List<String> sentences = new ArrayList<>();
        for (String id : List.of(SeedCorpus.MAO, SeedCorpus.DINAN)) {
            String text = SeedCorpus.raw(id);
            for (Sentence s : splitter.split(text)) {
                sentences.add(s.textIn(text));
            }
        }
        EvidenceFinder finder = new EvidenceFinder(scorer, false);
        int shortlisted = 0;
        int compared = 0;
        for (int c = 0; c < sentences.size(); c += 3) {
            String claim = variant(sentences.get(c), c);
            for (int first = Math.max(0, c - 6); first + 4 <= sentences.size() && first <= c + 2; first += 4) {
                SourceText source = SourceText.raw("1", String.join(" ", sentences.subList(first, first + 4)),
                        splitter::split);
                List<String> shortlist = finder.toEmbed(claim, source);
                double reference = 0;
                for (int i = 0; i < source.sentences().size(); i++) {
                    String s = source.sentence(i);
                    double cosine = shortlist.contains(s) ? scorer.similarity(claim, s) : 0;
                    reference = Math.max(reference, scorer.score(claim, s, cosine));
                }
                embedded.clear();
                double found = finder.find(claim, source).support();

                assertEquals(reference, found, 1e-12, claim + " | " + source.text());
                shortlisted += shortlist.size();
                compared += (int) shortlist.stream().filter(embedded::contains).count();
            }
        }
        assertTrue(compared < shortlisted, "some sentences skipped: " + compared + " of " + shortlisted);
    }

    /** Every other claim gets a wrong number or the wrong country, so that some sentences cannot win. */
    private static String variant(String sentence, int n) {
        String cut = sentence.length() > 120 ? sentence.substring(0, 120) : sentence;
        return switch (n % 4) {
            case 0 -> cut.replaceAll("\\d", "7");
            case 2 -> cut.replace("China", "Peru").replace("Chinese", "Peruvian");
            default -> cut;
        };
    }
}
