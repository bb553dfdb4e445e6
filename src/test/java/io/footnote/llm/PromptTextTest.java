package io.footnote.llm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PassageBuilder#normalized} and {@link CitationPrompt#oneLine} are written out by hand for speed; they must
 * give exactly what the regular expressions they replace give, on any text.
 */
class PromptTextTest {

    /** Letters, digits of several scripts, numbers that are not digits, whitespace of every kind, punctuation. */
    private static final String[] PIECES = {"a", "B", "é", "İ", "Σ", "ς", "ß", "中", "7", "٣", "Ⅻ", "²", "½", " ", "  ",
            "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "\u2028", ".", ",", "’", "\"", "-", "😀", "𝟘", "_"};

    @Test
    void normalized_equals_the_regular_expression_on_random_text() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 5_000; round++) {
            // given random text
            String text = text(random);

            // then the hand-written form equals the expression's
            String expected = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
            assertEquals(expected, PassageBuilder.normalized(text), "seed " + seed + ": '" + text + "'");
        }
    }

    @Test
    void one_line_equals_the_regular_expression_on_random_text() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 5_000; round++) {
            String text = text(random);

            String expected = text.replaceAll("\\s+", " ").strip();
            assertEquals(expected, CitationPrompt.oneLine(text), "seed " + seed + ": '" + text + "'");
        }
    }

    @Test
    void one_line_keeps_a_line_that_needs_nothing_and_joins_lines_of_an_article() {
        assertEquals("Already one line.", CitationPrompt.oneLine("Already one line."));
        assertEquals("First line. Second line.", CitationPrompt.oneLine("  First line.\r\n\tSecond line.\n"));
        assertEquals("", CitationPrompt.oneLine(" \n "));
    }

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
