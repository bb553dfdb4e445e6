package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whole articles read from the cluster by id, with a bounded cache of what was read (or written) and when;
 * safe to share between threads.
 *
 * <p>Contract: {@link #read} always asks the cluster (one request for any number of ids) and caches the
 * answer, forgetting ids the cluster no longer holds. {@link #fresh} answers from the cache only for an
 * article read at most {@code ttl} ago; {@link #atVersion} for an article cached at the given content hash,
 * however old, because a search hit has just confirmed that version is current.
 */
final class OpenSearchArticles {

    private static final int CACHE_ENTRIES = 20_000;

    private record Cached(IndexedDocument document, long readAt) {
    }

    private final OpenSearchHttp http;
    private final String path;
    private final OpenSearchRecords records;
    private final long ttlNanos;
    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(CACHE_ENTRIES).build();

    OpenSearchArticles(OpenSearchHttp http, String index, OpenSearchRecords records, Duration ttl) {
        this.http = http;
        this.path = "/" + index + "/_mget";
        this.records = records;
        this.ttlNanos = ttl.toNanos();
    }

    /** The cached article {@code id} if it was read (or written) less than the ttl ago. */
    Optional<IndexedDocument> fresh(String id) {
        Cached c = cache.getIfPresent(id);
        if (c != null && System.nanoTime() - c.readAt() < ttlNanos) {
            return Optional.of(c.document());
        }
        return Optional.empty();
    }

    /** The cached article {@code id} if it is cached at content hash {@code hash}, whatever its age. */
    Optional<IndexedDocument> atVersion(String id, String hash) {
        Cached c = cache.getIfPresent(id);
        return c != null && c.document().document().contentHash().equals(hash)
                ? Optional.of(c.document()) : Optional.empty();
    }

    /** Records {@code d} as the current version of its article, as of {@code nanoTime}. */
    void remember(IndexedDocument d, long nanoTime) {
        cache.put(d.document().id(), new Cached(d, nanoTime));
    }

    /** Forgets the article {@code id} (deleted). */
    void forget(String id) {
        cache.invalidate(id);
    }

    /** Reads articles from the cluster (one request) and caches them; absent ids are not in the answer. */
    Map<String, IndexedDocument> read(Collection<String> ids) {
        Map<String, IndexedDocument> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        ObjectNode body = http.object();
        ArrayNode docs = body.putArray("docs");
        for (String id : ids) {
            docs.addObject().put("_id", OpenSearchRecords.articleId(id));
        }
        JsonNode r = http.call("POST", path, Map.of("preference", OpenSearchQueries.PREFERENCE), http.bytes(body));
        long now = System.nanoTime();
        for (JsonNode d : r.path("docs")) {
            if (d.path("found").asBoolean(false)) {
                IndexedDocument doc = records.article(d.path("_source"));
                out.put(doc.document().id(), doc);
                remember(doc, now);
            }
        }
        for (String id : ids) {
            if (!out.containsKey(id)) {
                forget(id);
            }
        }
        return out;
    }
}
