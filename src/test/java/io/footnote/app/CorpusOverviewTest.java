package io.footnote.app;

import io.footnote.index.ArticleLookup.Entry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CorpusOverviewTest {

    private static Entry entry(String id, String title, String date) {
        return new Entry(id, title, date == null ? null : LocalDate.parse(date), id + ".txt", 10, 2);
    }

    @Test
    void given_dated_and_undated_articles_when_described_then_the_range_spans_the_dated_ones_and_newest_come_first() {
        List<Entry> entries = List.of(
                entry("a", "Harbour ferry timetable extended", "2024-03-01"),
                entry("b", "Council budget vote delayed again", "2025-01-28"),
                entry("c", "Library opening hours extended", null),
                entry("d", "Sport", "2025-02-01"));

        CorpusOverview overview = CorpusOverview.of(entries, 2);

        assertEquals(4, overview.articles());
        assertEquals(LocalDate.parse("2024-03-01"), overview.earliest());
        assertEquals(LocalDate.parse("2025-02-01"), overview.latest());
        assertEquals(List.of("What do the articles say about “Council budget vote delayed again”?",
                "What do the articles say about “Harbour ferry timetable extended”?"), overview.suggestions());
    }

    @Test
    void given_a_cut_title_when_asked_about_then_the_ellipsis_and_dangling_words_are_dropped() {
        assertEquals("What do the articles say about “Mao Ning said on Monday that China”?",
                CorpusOverview.asQuestion("Mao Ning said on Monday that China will…"));
        assertEquals("Will the ferry run on Sundays?", CorpusOverview.asQuestion("Will the ferry run on Sundays?"));
    }

    @Test
    void given_no_articles_when_described_then_there_is_no_range_and_nothing_to_suggest() {
        CorpusOverview overview = CorpusOverview.of(List.of(), 4);

        assertEquals(0, overview.articles());
        assertNull(overview.earliest());
        assertEquals(List.of(), overview.suggestions());
    }
}
