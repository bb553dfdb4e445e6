package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link OpenSearchIndex} reads over all articles the cluster holds without loading any: the listing
 * (only the listing line's fields), the content hashes and the totals. Writes not yet sent are not seen here;
 * the facade lays them over where its contract asks for them.
 *
 * <p>Contract: {@link #entries} and {@link #hashes} visit every article record in id order, a page of
 * 2,000 at a time ({@code search_after}); {@link #page} is one search request, filtered by title in
 * the cluster, and needs an index that maps {@link OpenSearchRecords#LIST_TITLE}.
 */
final class OpenSearchListing {

    private static final int PAGE = 2000;

    private final OpenSearchHttp http;
    private final String searchPath;
    private final OpenSearchQueries queries;
    private final JsonNode entryFields;
    private final JsonNode hashFields;

    OpenSearchListing(OpenSearchHttp http, String index, OpenSearchQueries queries) {
        this.http = http;
        this.searchPath = "/" + index + "/_search";
        this.queries = queries;
        this.entryFields = http.parse(OpenSearchRecords.ENTRY_FIELDS);
        this.hashFields = http.parse(OpenSearchRecords.HASH_FIELDS);
    }

    /** Every article's listing line, ordered by id. */
    List<ArticleLookup.Entry> entries() {
        List<ArticleLookup.Entry> out = new ArrayList<>();
        scan(entryFields, src -> out.add(OpenSearchRecords.entry(src)));
        return out; // the scan is sorted by docId
    }

    /** Every article's content hash and file stamp, by id. */
    Map<String, ArticleStore.Version> versions() {
        Map<String, ArticleStore.Version> out = new HashMap<>();
        scan(hashFields, src -> out.put(src.path("docId").asText(), OpenSearchRecords.version(src)));
        return out;
    }

    /** The content hash and file stamp of those articles whose id is one of {@code ids}, by id: one search. */
    Map<String, ArticleStore.Version> versions(java.util.Collection<String> ids) {
        Map<String, ArticleStore.Version> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        JsonNode hits = http.call("POST", searchPath, Map.of(), http.bytes(queries.articlesById(ids, hashFields)))
                .path("hits").path("hits");
        for (JsonNode h : hits) {
            JsonNode src = h.path("_source");
            out.put(src.path("docId").asText(), OpenSearchRecords.version(src));
        }
        return out;
    }

    /** Visits every article's id, a page at a time, holding none beyond the page. */
    void forEachId(Consumer<String> action) {
        scan(hashFields, src -> action.accept(src.path("docId").asText()));
    }

    /** One page of the listing (see {@link ArticleLookup#page}), by {@code search_after} on the id. */
    ArticleLookup.Page page(Optional<String> afterId, int limit, String titleContains) {
        JsonNode r = http.call("POST", searchPath, Map.of("preference", OpenSearchQueries.PREFERENCE),
                http.bytes(queries.listingPage(TitleFilter.needle(titleContains), afterId.orElse(null), limit + 1)));
        List<ArticleLookup.Entry> fetched = new ArrayList<>();
        for (JsonNode h : r.path("hits").path("hits")) {
            fetched.add(OpenSearchRecords.entry(h.path("_source")));
        }
        return ArticleLookup.Page.of(fetched, limit, r.path("hits").path("total").path("value").asLong());
    }

    /** Articles, sentences and chunks in the cluster. */
    ArticleLookup.Stats stats() {
        JsonNode r = http.call("POST", searchPath, Map.of(),
                OpenSearchQueries.totals().getBytes(StandardCharsets.UTF_8));
        return new ArticleLookup.Stats(r.path("hits").path("total").path("value").asInt(),
                (int) r.path("aggregations").path("sentences").path("value").asDouble(),
                (int) r.path("aggregations").path("chunks").path("value").asDouble());
    }

    /** Visits the {@code _source} fields {@code fields} of every article record, in document id order. */
    private void scan(JsonNode fields, Consumer<JsonNode> visit) {
        JsonNode after = null;
        while (true) {
            JsonNode hits = http.call("POST", searchPath, Map.of(), http.bytes(queries.articleScan(PAGE, fields, after)))
                    .path("hits").path("hits");
            for (JsonNode h : hits) {
                visit.accept(h.path("_source"));
                after = h.path("sort");
            }
            if (hits.size() < PAGE) {
                return;
            }
        }
    }
}
