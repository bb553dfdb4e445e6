package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The JSON of the searches {@link OpenSearchIndex} sends, and nothing else: pure functions of their
 * arguments, so the same question always sends the same request.
 *
 * <p>Chunk searches are BM25 over the analysed terms (chunk text, and the title at {@link Bm25#TITLE_BOOST}),
 * k-NN over the chunk vectors, or both in a neural-search {@code hybrid} query; each returns the
 * {@link OpenSearchRecords#CHUNK_FIELDS} of its hits.
 */
final class OpenSearchQueries {

    /** Every search reads the shard copies this string selects, so instances agree on scores. */
    static final String PREFERENCE = "footnote";

    private final OpenSearchHttp http;
    private final JsonNode chunkFields;
    private final JsonNode entryFields;

    OpenSearchQueries(OpenSearchHttp http) {
        this.http = http;
        this.chunkFields = http.parse(OpenSearchRecords.CHUNK_FIELDS);
        this.entryFields = http.parse(OpenSearchRecords.ENTRY_FIELDS);
    }

    /** BM25 over chunk records for {@code terms}; null when there are no terms (nothing to match). */
    ObjectNode text(List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        ObjectNode q = http.object();
        ObjectNode bool = q.putObject("bool");
        bool.putArray("filter").addObject().putObject("term").put("kind", "chunk");
        ArrayNode should = bool.putArray("should");
        for (String t : terms) {
            should.addObject().putObject("term").putObject("text").put("value", t);
            should.addObject().putObject("term").putObject("title").put("value", t).put("boost", Bm25.TITLE_BOOST);
        }
        bool.put("minimum_should_match", 1);
        return q;
    }

    /** The {@code k} nearest chunk vectors to {@code vector}. */
    ObjectNode knn(float[] vector, int k) {
        ObjectNode q = http.object();
        ObjectNode knn = q.putObject("knn").putObject("vector");
        ArrayNode v = knn.putArray("vector");
        for (float f : vector) {
            v.add(f);
        }
        knn.put("k", k);
        return q;
    }

    /** Both queries, for fusion by a search pipeline. */
    ObjectNode hybrid(ObjectNode text, ObjectNode knn) {
        ObjectNode hybrid = http.object();
        ArrayNode queries = hybrid.putObject("hybrid").putArray("queries");
        queries.add(text);
        queries.add(knn);
        return hybrid;
    }

    /** A search body: the first {@code n} hits of {@code query} with their chunk fields. */
    ObjectNode chunkSearch(ObjectNode query, int n) {
        ObjectNode body = http.object();
        body.put("size", n);
        body.set("query", query);
        body.set("_source", chunkFields.deepCopy());
        return body;
    }

    /** A multi-search body running {@link #chunkSearch} of each query on {@code index}. */
    byte[] multiChunkSearch(String index, List<ObjectNode> queries, int n) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ObjectNode q : queries) {
            ObjectNode header = http.object();
            header.put("index", index).put("preference", PREFERENCE);
            body.writeBytes(http.bytes(header));
            body.write('\n');
            body.writeBytes(http.bytes(chunkSearch(q, n)));
            body.write('\n');
        }
        return body.toByteArray();
    }

    /** Counts chunks in all, and chunks containing each of {@code terms} (aggregation {@code t<i>}). */
    ObjectNode documentFrequencies(List<String> terms) {
        ObjectNode body = http.object();
        body.put("size", 0).put("track_total_hits", true);
        body.putObject("query").putObject("term").put("kind", "chunk");
        ObjectNode aggs = body.putObject("aggs");
        for (int i = 0; i < terms.size(); i++) {
            aggs.putObject("t" + i).putObject("filter").putObject("term").put("text", terms.get(i));
        }
        return body;
    }

    /** The {@code fields} of article records, {@code size} a page in id order, after the sort values {@code after}. */
    ObjectNode articleScan(int size, JsonNode fields, JsonNode after) {
        ObjectNode body = http.object();
        body.put("size", size);
        body.putObject("query").putObject("term").put("kind", "doc");
        body.putArray("sort").addObject().put("docId", "asc");
        body.set("_source", fields.deepCopy());
        if (after != null) {
            body.set("search_after", after);
        }
        return body;
    }

    /** The article records whose id is one of {@code ids}, with the {@code _source} fields {@code fields}. */
    ObjectNode articlesById(java.util.Collection<String> ids, JsonNode fields) {
        ObjectNode body = http.object();
        body.put("size", ids.size());
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("kind", "doc");
        ArrayNode terms = filter.addObject().putObject("terms").putArray("docId");
        ids.forEach(terms::add);
        body.set("_source", fields.deepCopy());
        return body;
    }

    /**
     * A listing page: article records whose lower-cased title contains {@code needle} (a {@link TitleFilter#needle}),
     * in id order, {@code size} of them after id {@code afterId} (null: from the start), with the total.
     */
    ObjectNode listingPage(String needle, String afterId, int size) {
        ObjectNode body = http.object();
        body.put("size", size).put("track_total_hits", true);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("kind", "doc");
        if (!needle.isEmpty()) {
            filter.addObject().putObject("wildcard").putObject(OpenSearchRecords.LIST_TITLE)
                    .put("value", TitleFilter.wildcard(needle));
        }
        body.putArray("sort").addObject().put("docId", "asc");
        if (afterId != null) {
            body.putArray("search_after").add(afterId);
        }
        body.set("_source", entryFields.deepCopy());
        return body;
    }

    /** Article, sentence and chunk totals. */
    static String totals() {
        return "{\"size\":0,\"track_total_hits\":true,\"query\":{\"term\":{\"kind\":\"doc\"}},"
                + "\"aggs\":{\"sentences\":{\"sum\":{\"field\":\"sentenceCount\"}},\"chunks\":{\"sum\":{\"field\":\"chunkCount\"}}}}";
    }

    /** The search pipeline fusing a hybrid query's two lists by reciprocal rank with constant {@code k}. */
    static String rrfPipeline(int k) {
        return "{\"description\":\"Footnote: reciprocal rank fusion of BM25 and k-NN\","
                + "\"phase_results_processors\":[{\"score-ranker-processor\":{\"combination\":"
                + "{\"technique\":\"rrf\",\"rank_constant\":" + k + "}}}]}";
    }
}
