package io.footnote.app;

import io.footnote.config.FootnoteConfig;
import io.footnote.index.ArticleIndex;
import io.footnote.index.LuceneIndex;
import io.footnote.index.OpenSearchIndex;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the {@link Pipeline} opens from configuration and must close: the configured index backend
 * ({@code footnote.index.backend}) and the embedding threads ({@code footnote.embedding.threads}).
 *
 * <p>Contract: each method returns something open that the caller owns and closes; a method that fails leaves
 * nothing open.
 */
final class IndexBackends {

    private IndexBackends() {
    }

    /** Opens (or creates) the configured index under {@code signature}, for vectors of {@code dimension}. */
    static ArticleIndex open(FootnoteConfig config, String signature, int dimension) {
        return switch (config.index().backend()) {
            case LUCENE -> LuceneIndex.open(config.data().path().resolve("index"), signature, dimension);
            case OPENSEARCH -> OpenSearchIndex.open(openSearch(config.opensearch()), signature, dimension);
        };
    }

    /** The embedding threads: as configured, or one per processor; daemons, so they never hold the JVM. */
    static ExecutorService embedThreads(FootnoteConfig config) {
        int threads = config.embedding().threads() > 0 ? config.embedding().threads()
                : Runtime.getRuntime().availableProcessors();
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("footnote-embed-", 1).daemon().factory());
    }

    /** The OpenSearch backend's settings, from {@code footnote.opensearch.*}: blank hosts left out. */
    static OpenSearchIndex.Settings openSearch(FootnoteConfig.OpenSearch os) {
        return new OpenSearchIndex.Settings(os.hosts().stream().map(String::strip).filter(h -> !h.isEmpty()).toList(),
                os.username(), os.password(), os.indexName(), os.shards(), os.replicas(),
                os.hybrid() == FootnoteConfig.OpenSearch.Fusion.SERVER, os.timeout(), os.maxRetries(),
                os.bulkArticles(), os.cacheTtl());
    }
}
