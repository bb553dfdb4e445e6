package io.footnote.index;

import java.util.Map;

/**
 * Where articles, their chunks and vectors are stored and searched: the three roles ({@link ArticleStore}
 * for ingestion, {@link ArticleLookup} for reading articles, {@link ChunkSearch} for retrieval) over one
 * store, with its lifecycle. Two implementations behave the same to their callers: {@link LuceneIndex}
 * (embedded, the default) and {@link OpenSearchIndex} (a shared cluster, for large archives and stateless
 * replicas). Callers depend on the narrowest role they use; only the composition root holds the whole index.
 *
 * <p>Contract shared by both, across the roles:
 * <ul>
 *   <li>An article is stored whole under its document id: {@link #upsert} replaces every chunk of a previous
 *       version, so re-ingesting the same article never duplicates it.</li>
 *   <li>Changes become visible to searches, and durable, at the latest when {@link #commit()} returns.</li>
 *   <li>A search never returns a chunk of an article version other than the one {@link #document} returns.</li>
 *   <li>{@link #analyze} is the analysis BM25 applies at index time.</li>
 * </ul>
 */
public interface ArticleIndex extends ArticleStore, ArticleLookup, ChunkSearch, AutoCloseable {

    /**
     * What the readiness check shows of the index: at least {@code backend}; a cluster adds its health, so a
     * lost node (replicas unassigned: {@code yellow}) is visible while answers go on.
     */
    default Map<String, String> health() {
        return Map.of("backend", "lucene");
    }

    /** Releases the index (files, connections). */
    @Override
    void close();
}
