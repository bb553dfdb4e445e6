package io.footnote.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TitlesTest {

    @Test
    void given_a_headline_that_fits_when_shortened_then_it_is_unchanged() {
        assertEquals("Harbour bridge reopens after repairs",
                Titles.shortTitle("  Harbour bridge   reopens after repairs ", "a.txt"));
    }

    @Test
    void given_a_first_sentence_as_title_when_shortened_then_the_first_clause_is_kept() {
        String sentence = "The council voted on Tuesday to extend the evening ferry timetable, after months of "
                + "complaints from commuters on the north shore.";
        assertEquals("The council voted on Tuesday to extend the evening ferry timetable",
                Titles.shortTitle(sentence, "a.txt"));
    }

    @Test
    void given_initialisms_when_shortened_then_their_full_stops_do_not_end_the_clause() {
        String sentence = "U.S. Immigration and Customs Enforcement said it completed just 288 deportations back "
                + "to China. Officials said more would follow.";
        String shortTitle = Titles.shortTitle(sentence, "a.txt");
        assertEquals("U.S. Immigration and Customs Enforcement said it completed just 288 deportations…",
                shortTitle);
        assertTrue(shortTitle.length() <= Titles.MAX + 1);
    }

    @Test
    void given_one_long_clause_when_shortened_then_it_is_cut_at_a_word_boundary_with_an_ellipsis() {
        String title = "word ".repeat(40).strip();
        String shortTitle = Titles.shortTitle(title, "a.txt");
        assertTrue(shortTitle.endsWith("word…"), shortTitle);
        assertTrue(shortTitle.length() <= Titles.MAX + 1, shortTitle);
        assertTrue(title.startsWith(shortTitle.substring(0, shortTitle.length() - 1)));
    }

    @Test
    void given_a_short_opening_clause_when_shortened_then_more_words_are_kept() {
        String title = "Yes, the harbour authority confirmed that the ferry will run every twenty minutes on "
                + "weekdays from May onwards";
        String shortTitle = Titles.shortTitle(title, "a.txt");
        assertTrue(shortTitle.startsWith("Yes, the harbour authority confirmed"), shortTitle);
    }

    @Test
    void given_no_title_when_shortened_then_the_file_name_stands_in() {
        assertEquals("Harbour ferry times", Titles.shortTitle(null, "news/harbour-ferry_times.txt"));
        assertEquals("Harbour ferry times", Titles.shortTitle("  ", "news\\harbour-ferry_times.txt"));
        assertEquals("Untitled", Titles.shortTitle("", null));
    }
}
