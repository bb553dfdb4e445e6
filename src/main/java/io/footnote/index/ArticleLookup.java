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

    /** Number of articles, sentences and chunks indexed. */
    Stats stats();

    /** An indexed article as listed: no text, no vectors. */
    record Entry(String id, String title, LocalDate date, String source, int sentences, int chunks) {
    }

    /** Totals over the index. */
    record Stats(int documents, int sentences, int chunks) {
    }
}
