package io.footnote.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The writing side of an {@link ArticleIndex}: what ingestion needs.
 *
 * <p>An article is stored whole under its document id: {@link #upsert} replaces every chunk of a previous
 * version, so re-ingesting the same article never duplicates it. Changes become visible to searches, and
 * durable, at the latest when {@link #commit()} returns.
 */
public interface ArticleStore {

    /**
     * What the sync compares a corpus file with: the article's content hash, and the stamp of the file it was
     * read from ({@code null} for articles written without one, e.g. by a version before stamps were stored).
     */
    record Version(String hash, FileStamp stamp) {
    }

    /** The {@link Version} of every indexed article, by document id, including changes not yet committed. */
    Map<String, Version> versions();

    /**
     * The {@link Version} of those of {@code ids} that are indexed, by document id, including changes not yet
     * committed: what {@link #versions()} holds for them. The sync asks a batch of files' ids at a time, so that
     * what it holds does not grow with the index.
     */
    Map<String, Version> versions(Collection<String> ids);

    /**
     * Visits the id of every article as of the last {@link #commit()}, one at a time, holding none of them
     * (memory does not grow with the index), in no promised order. {@code action} may {@link #delete} the
     * article it is given: the visit goes on over the index as it was committed.
     */
    void forEachId(Consumer<String> action);

    /** Content hash of every indexed article, by document id. */
    default Map<String, String> contentHashes() {
        Map<String, String> out = new HashMap<>();
        versions().forEach((id, v) -> out.put(id, v.hash()));
        return out;
    }

    /**
     * Records that article {@code documentId} was found, unchanged, in a file with stamp {@code stamp} (no
     * re-embedding); no-op if absent. Visible in {@link #versions()} after {@link #commit()}.
     */
    void restamp(String documentId, FileStamp stamp);

    /** Adds or replaces an article, with one vector per chunk; visible to searches after {@link #commit()}. */
    void upsert(IndexedDocument document, List<float[]> chunkVectors);

    /** Removes an article and its chunks (no-op if absent); visible after {@link #commit()}. */
    void delete(String documentId);

    /** Makes every change durable and visible to searches. */
    void commit();

    /**
     * Commits, then merges the stored parts of the index into one, after a pass that wrote much of it (a first
     * build, a re-index), so that a search visits one term dictionary and one vector graph instead of one per
     * part written along the way. It rewrites the whole index, so it is for bulk writes, not for every change.
     * Searches go on meanwhile and see the merged index when it is done. The default only commits: a backend that
     * manages its own parts (OpenSearch) is left to do so.
     */
    default void compact() {
        commit();
    }

    /**
     * Whether a {@link #compact} of an earlier run did not finish and none has begun since: the service stopped
     * during it, which abandons the merge (it can take minutes on a large index) and keeps every write. The next
     * ingest pass then compacts, whatever it wrote; a pass that ends while that compaction runs does not ask again.
     * Never for a backend whose compaction only commits.
     */
    default boolean compactionPending() {
        return false;
    }
}
