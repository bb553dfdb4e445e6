package io.footnote.opensearch;

import io.footnote.app.Pipeline;
import io.footnote.eval.Summary;
import io.footnote.ingest.IngestReport;
import io.footnote.support.OpenSearchCluster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden set on the OpenSearch backend against the embedded Lucene index: same corpus, same pipeline,
 * only the index differs. Both fusion placements are measured (RRF here, and neural-search's RRF pipeline).
 */
class OpenSearchGoldenSetIT {

    /** Quality metrics compared; every one must be within 2 points of the embedded index's. */
    private static final List<String> METRICS = List.of("retrieval.recall@1", "retrieval.recall@3", "retrieval.recall@5",
            "retrieval.mrr", "citation.first_holds_answer", "citation.recall", "citation.precision",
            "citation.validity", "answer.key_facts", "answer.token_f1", "abstention.false_refusals",
            "abstention.correct_refusals");

    @Test
    void golden_set_on_opensearch_is_within_two_points_of_lucene() throws Exception {
        // given
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        Summary lucene;
        try (Pipeline p = Backends.lucene("opensearch-it/golden-lucene", Map.of())) {
            p.ingest(x -> { });
            lucene = Backends.evaluate(p, "lucene");
        }

        // when
        Summary client;
        Summary server;
        IngestReport report;
        try (Pipeline p = Backends.openSearch(cluster, "golden", Map.of("footnote.opensearch.hybrid", "client"))) {
            report = p.ingest(x -> { });
            client = Backends.evaluate(p, "opensearch/client-rrf");
        }
        try (Pipeline p = Backends.openSearch(cluster, "golden", Map.of("footnote.opensearch.hybrid", "server"))) {
            server = Backends.evaluate(p, "opensearch/server-rrf");
        }

        // then
        System.out.printf(Locale.ROOT, "%-32s %8s %8s %8s%n", "metric", "lucene", "os-cli", "os-srv");
        for (String m : lucene.metrics().keySet()) {
            System.out.printf(Locale.ROOT, "%-32s %8.3f %8.3f %8.3f%n", m, lucene.metric(m), client.metric(m), server.metric(m));
        }
        assertTrue(report.documents() > 0, "docs-corpus indexed in OpenSearch");
        for (String m : METRICS) {
            assertEquals(lucene.metric(m), client.metric(m), 0.02, m + " (client-side fusion)");
            assertEquals(lucene.metric(m), server.metric(m), 0.02, m + " (server-side fusion)");
        }
    }
}
