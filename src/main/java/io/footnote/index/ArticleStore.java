package io.footnote.index;

import java.util.List;
import java.util.Map;

/**
 * The writing side of an {@link ArticleIndex}: what ingestion needs.
 *
 * <p>An article is stored whole under its document id: {@link #upsert} replaces every chunk of a previous
 * version, so re-ingesting the same article never duplicates it. Changes become visible to searches, and
 * durable, at the latest when {@link #commit()} returns.
 */
public interface ArticleStore {

    /** Content hash of every indexed article, by document id. */
    Map<String, String> contentHashes();

    /** Adds or replaces an article, with one vector per chunk; visible to searches after {@link #commit()}. */
    void upsert(IndexedDocument document, List<float[]> chunkVectors);

    /** Removes an article and its chunks (no-op if absent); visible after {@link #commit()}. */
    void delete(String documentId);

    /** Makes every change durable and visible to searches. */
    void commit();
}
