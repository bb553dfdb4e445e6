package io.footnote.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scale benchmark's inputs are reproducible: the synthetic articles and the stand-in encoder's vectors. */
class ScaleBenchmarkInputsTest {

    private static final List<String> SOURCE = List.of(
            "Markets rally on rate hopes\n\nShares rose sharply in London on Monday. Traders bet on a cut.\n\n"
                    + "The pound fell against the dollar. Analysts expect more gains this week.",
            "Striker signs new contract\n\nThe striker agreed a four-year deal with the club. Fans cheered.\n\n"
                    + "His agent said talks had been long. The fee was not disclosed by either side.",
            "Broadband use doubles\n\nMore homes than ever now have fast internet access at home.");

    @Test
    void same_seed_gives_the_same_articles_and_questions() {
        SyntheticArticles a = SyntheticArticles.fromTexts(SOURCE, 42);
        SyntheticArticles b = SyntheticArticles.fromTexts(SOURCE, 42);

        List<String> first = IntStream.range(0, 50).mapToObj(a::article).toList();

        assertEquals(first, IntStream.range(0, 50).mapToObj(b::article).toList());
        assertEquals(a.questions(50, 20), b.questions(50, 20));
        assertNotEquals(first, IntStream.range(0, 50).mapToObj(SyntheticArticles.fromTexts(SOURCE, 7)::article).toList());
    }

    @Test
    void articles_are_titled_and_built_only_from_source_sentences_in_source_shapes() {
        SyntheticArticles generator = SyntheticArticles.fromTexts(SOURCE, 1);
        List<String> titles = SOURCE.stream().map(s -> s.lines().findFirst().orElseThrow()).toList();

        for (int i = 0; i < 30; i++) {
            String[] parts = generator.article(i).strip().split("\n\n");
            assertTrue(titles.contains(parts[0]), parts[0]);
            assertTrue(parts.length >= 2 && parts.length <= 3, "paragraphs as in some source article: " + parts.length);
            for (int p = 1; p < parts.length; p++) {
                for (String sentence : parts[p].split("(?<=[.!?]) ")) {
                    assertTrue(SOURCE.stream().anyMatch(s -> s.contains(sentence)), sentence);
                }
            }
        }
        assertEquals(8, generator.sourceSentences(), "9 sentences, \"Fans cheered.\" too short to keep");
    }

    @Test
    void a_larger_corpus_starts_with_the_smaller_one_and_rewriting_leaves_files_alone(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        SyntheticArticles generator = SyntheticArticles.fromTexts(SOURCE, 42);

        int first = generator.write(dir, 5);
        String third = Files.readString(dir.resolve(SyntheticArticles.relativePath(2)));
        int more = generator.write(dir, 8);

        assertEquals(5, first);
        assertEquals(3, more);
        assertEquals(third, Files.readString(dir.resolve(SyntheticArticles.relativePath(2))));
        assertEquals(generator.article(7), Files.readString(dir.resolve(SyntheticArticles.relativePath(7))));
    }

    @Test
    void title_filter_word_is_the_longer_word_in_most_source_titles() {
        List<String> source = List.of("Shares rally in London\n\nShares rose sharply on Monday.",
                "London shares slip\n\nTraders sold shares after the news.",
                "Broadband use doubles\n\nMore homes than ever now have fast internet.");

        assertEquals("london", SyntheticArticles.fromTexts(source, 1).titleWord(), "london, shares in two titles each");
    }

    @Test
    void stand_in_vectors_are_deterministic_unit_vectors_closer_for_texts_sharing_words() {
        HashStandInEncoder encoder = new HashStandInEncoder(384);
        HashStandInEncoder other = new HashStandInEncoder(384);

        float[] v = encoder.vector("Shares rose sharply in London on Monday.");
        float[] same = other.vector("Shares rose sharply in London on Monday.");
        float[] related = encoder.vector("Shares rose in London.");
        float[] unrelated = encoder.vector("The striker agreed a four-year deal with the club.");

        assertArrayEquals(v, same);
        assertEquals(1.0, dot(v, v), 1e-5);
        assertEquals(384, encoder.embed("x").content().vector().length);
        assertTrue(dot(v, related) > dot(v, unrelated) + 0.3,
                "shared words: " + dot(v, related) + " vs none: " + dot(v, unrelated));
    }

    @Test
    void heap_in_use_is_read_from_gc_heap_info_without_metaspace() {
        String g1 = """
                12345:
                 garbage-first heap   total 1048576K, used 20480K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 51200K, committed 52224K, reserved 1114112K
                  class space    used 6144K, committed 6656K, reserved 1048576K
                """;
        String serial = """
                 def new generation   total 4928K, used 1000K [0x1, 0x2, 0x3)
                  eden space 4416K,  22% used [0x1, 0x2, 0x3)
                 tenured generation   total 10944K, used 3000K [0x1, 0x2, 0x3)
                 Metaspace       used 900K, committed 1000K, reserved 1056768K
                """;

        assertEquals(20480, ScaleBenchmark.usedHeapKb(g1));
        assertEquals(4000, ScaleBenchmark.usedHeapKb(serial));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
