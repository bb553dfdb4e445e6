package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Chunk searches on the cluster (BM25, k-NN, both in one multi-search, or fused in the cluster) and the
 * mapping of their hits onto articles; safe to share between threads.
 *
 * <p>Contract: every search names {@link OpenSearchQueries#PREFERENCE}, so every instance reads the same copy
 * of each shard and gets the same scores. A hit is kept only when its content hash is that of the current
 * version of its article: the unsent version when one is buffered, else the cached version (a hit confirms it,
 * whatever its age), else the version the cluster holds (read in one request for all the hits). Queries are
 * analysed here with Lucene's {@link EnglishAnalyzer}, which is what the mapping's {@code english} analyzer is.
 */
final class OpenSearchSearch {

    private final OpenSearchHttp http;
    private final String index;
    private final OpenSearchQueries queries;
    private final OpenSearchArticles articles;
    /** The changes not yet sent (see {@link OpenSearchWrites#unsent()}). */
    private final Supplier<Map<String, Optional<IndexedDocument>>> unsent;
    private final Analyzer analyzer = new EnglishAnalyzer();
    /** Search pipelines created (or found) in the cluster, by RRF rank constant. */
    private final Set<Integer> pipelines = ConcurrentHashMap.newKeySet();

    OpenSearchSearch(OpenSearchHttp http, String index, OpenSearchQueries queries, OpenSearchArticles articles,
                     Supplier<Map<String, Optional<IndexedDocument>>> unsent) {
        this.http = http;
        this.index = index;
        this.queries = queries;
        this.articles = articles;
        this.unsent = unsent;
    }

    /** The BM25 terms of {@code text}, as the mapping's {@code english} analyzer makes them. */
    List<String> analyze(String text) {
        return AnalyzedTerms.of(analyzer, "text", text);
    }

    List<ChunkHit> text(String text, int n) {
        ObjectNode query = queries.text(analyze(text));
        return query == null ? List.of() : search(query, n, Map.of());
    }

    List<ChunkHit> vector(float[] vector, int n) {
        return search(queries.knn(vector, n), n, Map.of());
    }

    /** BM25 and k-NN in one multi-search request. */
    ChunkSearch.Both both(String text, float[] vector, int n) {
        ObjectNode textQuery = queries.text(analyze(text));
        if (textQuery == null) {
            return new ChunkSearch.Both(List.of(), vector(vector, n));
        }
        JsonNode responses = http.call("POST", "/_msearch", Map.of(),
                queries.multiChunkSearch(index, List.of(textQuery, queries.knn(vector, n)), n), OpenSearchHttp.NDJSON)
                .path("responses");
        List<JsonNode> lists = new ArrayList<>();
        for (JsonNode r : responses) {
            if (r.has("error")) {
                throw new OpenSearchIndex.OpenSearchException("OpenSearch search failed: " + r.path("error"),
                        r.path("status").asInt(), r.path("error").path("type").asText(""));
            }
            lists.add(r.path("hits").path("hits"));
        }
        List<List<ChunkHit>> hits = hits(lists);
        return new ChunkSearch.Both(hits.get(0), hits.get(1));
    }

    /** BM25 and k-NN fused in the cluster by neural-search's RRF with rank constant {@code rrfK}. */
    List<ChunkHit> fused(String text, float[] vector, int candidates, int rrfK) {
        ObjectNode textQuery = queries.text(analyze(text));
        if (textQuery == null) {
            // Nothing for BM25: the fused list is the k-NN list, scored as fusion would score it.
            List<ChunkHit> knn = vector(vector, candidates);
            List<ChunkHit> out = new ArrayList<>(knn.size());
            for (int i = 0; i < knn.size(); i++) {
                out.add(new ChunkHit(knn.get(i).chunk(), 1f / (rrfK + i + 1)));
            }
            return out;
        }
        return search(queries.hybrid(textQuery, queries.knn(vector, candidates)), candidates,
                Map.of("search_pipeline", pipeline(rrfK)));
    }

    /**
     * The search pipeline of the server-side hybrid query with rank constant {@code k}, created on first use;
     * putting the same definition again is harmless, so instances sharing the cluster need no coordination.
     */
    private String pipeline(int k) {
        String name = "footnote-rrf-" + k;
        if (pipelines.add(k)) {
            try {
                http.call("PUT", "/_search/pipeline/" + name, Map.of(),
                        OpenSearchQueries.rrfPipeline(k).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                pipelines.remove(k);
                throw e;
            }
        }
        return name;
    }

    private List<ChunkHit> search(ObjectNode query, int n, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("preference", OpenSearchQueries.PREFERENCE);
        JsonNode hits = http.call("POST", "/" + index + "/_search", all, http.bytes(queries.chunkSearch(query, n)))
                .path("hits").path("hits");
        return hits(List.of(hits)).get(0);
    }

    /** Maps each list of search hits onto the current version of their articles (see the class contract). */
    private List<List<ChunkHit>> hits(List<JsonNode> lists) {
        // An article written but not yet sent is, to document(), its unsent version (or gone): a hit on the
        // version the cluster still holds must not be mapped onto it.
        Map<String, Optional<IndexedDocument>> pending = unsent.get();
        Set<String> stale = new LinkedHashSet<>();
        Map<String, IndexedDocument> current = new HashMap<>();
        for (JsonNode hits : lists) {
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                String id = s.path("docId").asText();
                if (pending.containsKey(id)) {
                    continue;
                }
                Optional<IndexedDocument> cached = articles.atVersion(id, s.path("hash").asText());
                if (cached.isPresent()) {
                    current.put(id, cached.get());
                } else {
                    stale.add(id);
                }
            }
        }
        current.putAll(articles.read(stale));
        long now = System.nanoTime();
        // The search has just confirmed these versions are current: they count as freshly read.
        current.values().forEach(d -> articles.remember(d, now));
        pending.forEach((id, d) -> d.ifPresent(doc -> current.put(id, doc)));
        List<List<ChunkHit>> out = new ArrayList<>();
        for (JsonNode hits : lists) {
            List<ChunkHit> list = new ArrayList<>(hits.size());
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                IndexedDocument d = current.get(s.path("docId").asText());
                if (d != null && d.document().contentHash().equals(s.path("hash").asText())) {
                    list.add(OpenSearchRecords.hit(h));
                }
            }
            out.add(list);
        }
        return out;
    }
}
