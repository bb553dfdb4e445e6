package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The OpenSearch index's settings and mapping, and making sure the cluster has them.
 *
 * <p>Contract of {@link #prepare}: afterwards the index exists with this mapping under {@code signature}
 * (which names everything that shapes the indexed data, as for {@link LuceneIndex#open}). An index built under
 * another signature is deleted and recreated empty; one created at the same moment by another instance is
 * taken as it is. The mapping is strict: a field it does not name is refused, which is why the answer says
 * whether the index maps {@link OpenSearchRecords#LIST_TITLE} (an index created before that field does not).
 */
final class OpenSearchMapping {

    private static final Logger LOG = Logger.getLogger(OpenSearchMapping.class);

    private OpenSearchMapping() {
    }

    /** Creates (or recreates) the index as needed; returns whether it maps {@link OpenSearchRecords#LIST_TITLE}. */
    static boolean prepare(OpenSearchHttp http, OpenSearchIndex.Settings settings, String signature, int dimension) {
        String index = settings.index();
        JsonNode existing = http.call("GET", "/" + index + "/_mapping", Map.of(), null, 404);
        if (existing != null) {
            String built = existing.path(index).path("mappings").path("_meta").path("signature").asText(null);
            if (signature.equals(built)) {
                return mapsListTitle(existing, index);
            }
            LOG.infof("OpenSearch index %s was built as [%s]; rebuilding it as [%s]", index, built, signature);
            http.call("DELETE", "/" + index, Map.of(), null, 404);
        }
        ObjectNode body = body(http.object(), settings, signature, dimension);
        try {
            http.call("PUT", "/" + index, Map.of("wait_for_active_shards", "1"), http.bytes(body));
            return true;
        } catch (OpenSearchIndex.OpenSearchException e) {
            if (!"resource_already_exists_exception".equals(e.type())) {
                throw e;
            }
            // Another instance created it at the same moment, under the same signature (perhaps an older
            // version of this class, without the listing field).
            return mapsListTitle(http.call("GET", "/" + index + "/_mapping", Map.of(), null), index);
        }
    }

    private static boolean mapsListTitle(JsonNode mapping, String index) {
        return mapping.path(index).path("mappings").path("properties").has(OpenSearchRecords.LIST_TITLE);
    }

    /** The create-index body: shards, replicas, k-NN on, and the strict mapping of both record kinds. */
    private static ObjectNode body(ObjectNode body, OpenSearchIndex.Settings settings, String signature, int dimension) {
        ObjectNode idx = body.putObject("settings").putObject("index");
        idx.put("number_of_shards", settings.shards());
        idx.put("number_of_replicas", settings.replicas());
        idx.put("knn", true);
        ObjectNode mappings = body.putObject("mappings");
        mappings.putObject("_meta").put("signature", signature);
        mappings.put("dynamic", "strict");
        ObjectNode p = mappings.putObject("properties");
        for (String k : List.of("kind", "docId", "hash", OpenSearchRecords.LIST_TITLE)) {
            p.putObject(k).put("type", "keyword");
        }
        p.putObject("ord").put("type", "integer");
        p.putObject("sentenceCount").put("type", "integer");
        p.putObject("chunkCount").put("type", "integer");
        for (String k : List.of("first", "last", "start", "end")) {
            p.putObject(k).put("type", "integer").put("index", false);
        }
        // "english" is Lucene's EnglishAnalyzer, the analyzer of the embedded index and of analyze() here.
        p.putObject("text").put("type", "text").put("analyzer", "english");
        p.putObject("title").put("type", "text").put("analyzer", "english");
        ObjectNode vector = p.putObject("vector");
        vector.put("type", "knn_vector").put("dimension", dimension);
        // Lucene engine: same HNSW (and defaults M=16, beam 100) as the embedded index; the k-NN plugin
        // published on Maven Central has no native libraries, so faiss would not even start.
        ObjectNode method = vector.putObject("method");
        method.put("name", "hnsw").put("engine", "lucene").put("space_type", "cosinesimil");
        method.putObject("parameters").put("m", 16).put("ef_construction", 100);
        p.putObject("article").put("type", "object").put("enabled", false);
        return body;
    }
}
