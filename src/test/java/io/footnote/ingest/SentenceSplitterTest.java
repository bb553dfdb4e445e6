package io.footnote.ingest;

import io.footnote.domain.Sentence;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final ArticleCleaner cleaner = new ArticleCleaner();

    private List<String> sentencesOf(String text) {
        return splitter.split(text).stream().map(s -> s.textIn(text)).toList();
    }

    @Test
    void keeps_quotation_with_its_attribution_and_us_inside_it() {
        String text = cleaner.clean(SeedCorpus.raw(SeedCorpus.MAO)).text();

        List<String> sentences = sentencesOf(text);

        assertTrue(sentences.contains("We have also carried out pragmatic cooperation with the immigration law "
                + "enforcement agencies of relevant countries, including the U.S., and achieved positive results,” said Mao."),
                () -> String.join("\n", sentences));
        assertTrue(sentences.contains("We will accept Chinese citizens who are verified to be from the Chinese "
                + "mainland,” she said."));
        assertEquals("Chinese Foreign Ministry spokeswoman Mao Ning said on Monday that China will accept repatriation "
                + "of Chinese nationals who illegally entered the United States.", sentences.get(0));
        assertEquals(25, sentences.size());
    }

    @Test
    void does_not_end_sentences_at_mr_or_us() {
        String text = cleaner.clean(SeedCorpus.raw(SeedCorpus.DINAN)).text();

        List<String> sentences = sentencesOf(text);

        assertTrue(sentences.contains("Mr. Wang also complained to Mr. Mayorkas that the U.S. lists China as a "
                + "“major drug source country.”"), () -> String.join("\n", sentences));
        assertTrue(sentences.contains("U.S. Immigration and Customs Enforcement said it completed just 288 "
                + "deportations back to China."), () -> String.join("\n", sentences));
        assertTrue(sentences.stream().noneMatch(s -> s.equals("U.S.") || s.equals("Mr.")));
        assertEquals(18, sentences.size());
    }

    @Test
    void a_sentence_ending_in_a_word_icu_takes_for_an_abbreviation_still_ends() {
        String text = "The bill would amend the Terrorism Act. The vote is on Monday. Intel's chip runs at 3.8 GHz. "
                + "Details were released in Washington DC. The game also runs on a PC. It sold well.";

        assertEquals(List.of("The bill would amend the Terrorism Act.", "The vote is on Monday.",
                "Intel's chip runs at 3.8 GHz.", "Details were released in Washington DC.", "The game also runs on a PC.",
                "It sold well."), sentencesOf(text));
    }

    @Test
    void every_word_taken_out_of_the_suppressions_ends_a_sentence_and_titles_still_do_not() {
        for (String word : SentenceSplitter.ENDS_SENTENCES) {
            String text = "It was " + word + ". Then it was over.";
            assertEquals(2, sentencesOf(text).size(), text);
        }
        assertEquals(List.of("Mrs. Smith met Prof. Jones.", "They left."), sentencesOf("Mrs. Smith met Prof. Jones. They left."));
    }

    @Test
    void splits_the_same_from_many_threads_at_once() throws Exception {
        // given the articles split on one thread
        List<String> texts = List.of(cleaner.clean(SeedCorpus.raw(SeedCorpus.MAO)).text(),
                cleaner.clean(SeedCorpus.raw(SeedCorpus.DINAN)).text());
        List<List<Sentence>> expected = texts.stream().map(splitter::split).toList();

        // when four threads split them again and again (each split clones the shared iterator)
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = i % texts.size();
                        if (!splitter.split(texts.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            // then every split equals the single-threaded one
            for (var run : runs) {
                assertTrue(run.get());
            }
        }
    }

    @Test
    void initials_inside_names_do_not_end_sentences() {
        String text = "Mark L. Lester (born 1946) is an American film director. Sir C. V. Raman won in 1930. "
                + "George W. Bush met J. K. Rowling in Glassroth v. Moore's court. It rained.";

        assertEquals(List.of("Mark L. Lester (born 1946) is an American film director.", "Sir C. V. Raman won in 1930.",
                "George W. Bush met J. K. Rowling in Glassroth v. Moore's court.", "It rained."), sentencesOf(text));
    }

    @Test
    void titles_and_wikipedia_question_tags_do_not_end_sentences() {
        String text = "They were licensed by St. George's Church in 1784. Some Chinese people[who?] did not agree, "
                + "and it now[when?] contributes 62% of GDP. Was it right? It grew (due to debts).[unreliable "
                + "source?][unreliable source?] Russell L. \"Rusty\" Schweickart flew.";

        assertEquals(List.of("They were licensed by St. George's Church in 1784.",
                "Some Chinese people[who?] did not agree, and it now[when?] contributes 62% of GDP.", "Was it right?",
                "It grew (due to debts).[unreliable source?][unreliable source?]",
                "Russell L. \"Rusty\" Schweickart flew."), sentencesOf(text));
    }

    @Test
    void a_letter_that_ends_a_sentence_still_ends_it() {
        String text = "England are in Group B. They face Spain. Wales are in Group C. Scotland are not. "
                + "He got a grade of A. Mark was pleased. I like Plan B. The rest do not.";

        assertEquals(List.of("England are in Group B.", "They face Spain.", "Wales are in Group C.",
                "Scotland are not.", "He got a grade of A.", "Mark was pleased.", "I like Plan B.", "The rest do not."),
                sentencesOf(text));
    }

    @Test
    void line_breaks_end_sentences_and_headlines_stand_alone() {
        String text = "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%. "
                + "It sold more ads.";

        assertEquals(List.of("Ad sales boost Time Warner profit",
                "Quarterly profits at US media giant TimeWarner jumped 76%.", "It sold more ads."), sentencesOf(text));
    }

    @Test
    void offsets_are_trimmed_ordered_and_cover_every_word() {
        // Random texts built from seed sentences with random whitespace between them (fixed seed: reproducible).
        List<String> pool = sentencesOf(cleaner.clean(SeedCorpus.raw(SeedCorpus.DINAN)).text());
        Random random = new Random(20250128L);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                text.append(List.of(" ", "  ", "\n", "\n\n", "\t ").get(random.nextInt(5)));
                text.append(pool.get(random.nextInt(pool.size())));
            }
            String t = text.toString();

            List<Sentence> sentences = splitter.split(t);

            int previousEnd = 0;
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                assertEquals(i, s.index());
                assertTrue(s.start() >= previousEnd, "sentences overlap in: " + t);
                assertFalse(Character.isWhitespace(t.charAt(s.start())));
                assertFalse(Character.isWhitespace(t.charAt(s.end() - 1)));
                previousEnd = s.end();
                words.append(s.textIn(t)).append(' ');
            }
            assertEquals(t.strip().split("\\s+").length, words.toString().strip().split("\\s+").length,
                    "every word belongs to a sentence");
            assertEquals(n, sentences.size(), "each seed sentence stays one sentence: " + t);
        }
    }
}
