package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BM25 inverse document frequencies over every chunk of the index (all shards), as {@link Bm25#idf} computes
 * them from the cluster's counts; safe to share between threads.
 *
 * <p>Contract: the terms not cached are counted in one request; a value is reused until {@link #clear()}
 * (this instance wrote) or for at most {@code ttl}: frequencies move slowly, and a stale value only nudges
 * sentence weights.
 */
final class OpenSearchTermStats {

    private record Idf(double value, long at) {
    }

    private final OpenSearchHttp http;
    private final String searchPath;
    private final OpenSearchQueries queries;
    private final long ttlNanos;
    private final Map<String, Idf> cache = new ConcurrentHashMap<>();

    OpenSearchTermStats(OpenSearchHttp http, String index, OpenSearchQueries queries, Duration ttl) {
        this.http = http;
        this.searchPath = "/" + index + "/_search";
        this.queries = queries;
        this.ttlNanos = ttl.toNanos();
    }

    /** The idf of each term, in the order given (each once). */
    Map<String, Double> idf(Collection<String> terms) {
        Map<String, Double> known = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        long now = System.nanoTime();
        for (String t : terms) {
            Idf c = cache.get(t);
            if (c != null && now - c.at() < ttlNanos) {
                known.put(t, c.value());
            } else if (!missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            JsonNode r = http.call("POST", searchPath, Map.of("preference", OpenSearchQueries.PREFERENCE),
                    http.bytes(queries.documentFrequencies(missing)));
            long n = r.path("hits").path("total").path("value").asLong();
            for (int i = 0; i < missing.size(); i++) {
                long df = r.path("aggregations").path("t" + i).path("doc_count").asLong();
                double idf = Bm25.idf(n, df);
                known.put(missing.get(i), idf);
                cache.put(missing.get(i), new Idf(idf, now));
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String t : terms) {
            ordered.put(t, known.get(t));
        }
        return ordered;
    }

    /** Forgets every value: the index has changed. */
    void clear() {
        cache.clear();
    }
}
