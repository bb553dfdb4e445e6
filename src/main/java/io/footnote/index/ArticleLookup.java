package io.footnote.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reading side of an {@link ArticleIndex}: articles by id, the listing and totals. What the document
 * pages and the citation builder need; it never searches.
 */
public interface ArticleLookup {

    /** The article stored under {@code id}, with its chunks and sentence vectors; empty when absent. */
    Optional<IndexedDocument> document(String id);

    /** One line per indexed article, ordered by document id. */
    List<Entry> documents();

    /**
     * One page of the listing: the articles whose title contains {@code titleContains} (ignoring case; blank
     * matches all), ordered by id, the first {@code limit} of those with an id after {@code afterId} (from the
     * start when empty). {@link Page#total} counts every match, not just this page. The order is stable under
     * concurrent writes, so walking the pages by {@link Page#next} visits each article present throughout once.
     * This default filters {@link #documents()}; an index that can page itself overrides it.
     */
    default Page page(Optional<String> afterId, int limit, String titleContains) {
        String needle = TitleFilter.needle(titleContains);
        List<Entry> matches = documents().stream().filter(e -> TitleFilter.matches(e.title(), needle)).toList();
        List<Entry> after = matches.stream().filter(e -> afterId.isEmpty() || e.id().compareTo(afterId.get()) > 0)
                .limit(limit + 1L).toList();
        return Page.of(after, limit, matches.size());
    }

    /** Number of articles, sentences and chunks indexed. */
    Stats stats();

    /** An indexed article as listed: no text, no vectors. */
    record Entry(String id, String title, LocalDate date, String source, int sentences, int chunks) {
    }

    /**
     * A page of listing lines and the total of matches; {@code next} is the id to continue after, empty on the
     * last page.
     */
    record Page(List<Entry> entries, long total, Optional<String> next) {

        /** The first {@code limit} of {@code fetched} (fetched holding up to one more, to tell if more follow). */
        public static Page of(List<Entry> fetched, int limit, long total) {
            List<Entry> entries = List.copyOf(fetched.subList(0, Math.min(limit, fetched.size())));
            Optional<String> next = fetched.size() > limit && !entries.isEmpty()
                    ? Optional.of(entries.getLast().id()) : Optional.empty();
            return new Page(entries, total, next);
        }
    }

    /** Totals over the index. */
    record Stats(int documents, int sentences, int chunks) {
    }
}
