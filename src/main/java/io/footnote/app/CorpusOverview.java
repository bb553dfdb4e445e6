package io.footnote.app;

import io.footnote.domain.Titles;
import io.footnote.index.ArticleIndex;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the corpus holds, for a first-time reader: how many articles, the dates they span, and a few questions
 * to start with, drawn from the titles of the most recent articles (so each suggestion has an article to cite).
 *
 * @param articles    number of indexed articles
 * @param earliest    the earliest article date, or null when no article is dated
 * @param latest      the latest article date, or null when no article is dated
 * @param suggestions up to the requested number of questions, most recent article first
 */
public record CorpusOverview(int articles, LocalDate earliest, LocalDate latest, List<String> suggestions) {

    /** Suggestions from titles shorter than this say too little to ask about ("Sport", "Update"). */
    private static final int MIN_WORDS = 3;

    public CorpusOverview {
        suggestions = List.copyOf(suggestions);
    }

    /** The overview of {@code entries}, with at most {@code maxSuggestions} suggested questions. */
    public static CorpusOverview of(List<ArticleIndex.Entry> entries, int maxSuggestions) {
        List<LocalDate> dates = entries.stream().map(ArticleIndex.Entry::date).filter(Objects::nonNull).sorted().toList();
        // Newest first; undated articles after the dated ones, in the index's (id) order.
        Comparator<ArticleIndex.Entry> recent = Comparator.comparing(ArticleIndex.Entry::date,
                Comparator.nullsLast(Comparator.reverseOrder()));
        List<String> suggestions = entries.stream()
                .sorted(recent)
                .map(e -> e.title() == null || e.title().isBlank() ? null : Titles.shortTitle(e.title(), e.source()))
                .filter(t -> t != null && t.split("\\s+").length >= MIN_WORDS)
                .distinct()
                .limit(Math.max(0, maxSuggestions))
                .map(CorpusOverview::asQuestion)
                .toList();
        return new CorpusOverview(entries.size(), dates.isEmpty() ? null : dates.getFirst(),
                dates.isEmpty() ? null : dates.getLast(), suggestions);
    }

    /** Words a cut title should not end on: "… said that China will" reads as a question about "… China". */
    private static final Pattern DANGLING = Pattern.compile(
            "(?i)(\\s+(a|an|the|and|or|but|of|to|in|on|at|for|with|that|which|who|will|would|is|are|was|were|has|have|had|by|from|as))+$");

    /** A title as a question about it; a title that already asks something is kept as it is. */
    static String asQuestion(String title) {
        String t = title.strip().replaceAll("[.!:;,…]+$", "");
        t = DANGLING.matcher(t).replaceAll("");
        return t.endsWith("?") ? t : "What do the articles say about “" + t + "”?";
    }
}
