package io.footnote.opensearch;

import io.footnote.eval.EvalCase;
import io.footnote.support.OpenSearchCluster;
import io.footnote.support.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged Footnote services (separate processes, separate data folders) on one two-node cluster, as
 * two stateless replicas behind a load balancer: the same answers to every question, and a change made
 * through one is what the other serves.
 */
class SharedClusterIT {

    private static final Path WORK = Path.of("target/opensearch-it/shared");

    @Test
    void two_instances_on_one_cluster_give_identical_answers_and_see_each_others_changes() throws IOException {
        // given
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        Path corpus = Files.createDirectories(WORK.resolve("corpus"));
        try (var files = Files.list(Path.of("docs-corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (ServiceProcess a = ServiceProcess.start(env(corpus, "a"), WORK.resolve("a.log"));
             ServiceProcess b = ServiceProcess.start(env(corpus, "b"), WORK.resolve("b.log"))) {
            a.awaitReady(Duration.ofMinutes(5));
            b.awaitReady(Duration.ofMinutes(5));

            // when
            List<EvalCase> cases = Backends.cases();
            int cited = 0;
            for (EvalCase c : cases) {
                JsonPath fromA = ask(a, c.question());
                JsonPath fromB = ask(b, c.question());

                // then
                assertEquals(fromA.getString("answer"), fromB.getString("answer"), c.question());
                assertEquals(fromA.getList("citations.documentId"), fromB.getList("citations.documentId"), c.question());
                assertEquals(fromA.getList("citations.sentenceIndex"), fromB.getList("citations.sentenceIndex"), c.question());
                assertEquals(fromA.getList("citations.start"), fromB.getList("citations.start"), c.question());
                cited += fromA.getList("citations").size();
            }
            assertTrue(cited > cases.size() / 2, "the questions were answered with citations, not refused: " + cited);

            // and a deletion through one instance is what the other serves at once
            List<String> ids = b.http().get("/api/documents").then().statusCode(200).extract().jsonPath().getList("id");
            String gone = ids.get(0);
            a.http().delete("/api/documents/" + gone).then().statusCode(204);
            List<String> left = b.http().get("/api/documents").then().statusCode(200).extract().jsonPath().getList("id");
            assertFalse(left.contains(gone), "b lists what the cluster holds: " + left);
            assertEquals(ids.size() - 1, left.size());
            for (EvalCase c : cases) {
                assertFalse(ask(b, c.question()).getList("citations.documentId").contains(gone), c.question());
            }
        }
    }

    private static JsonPath ask(ServiceProcess s, String question) {
        return s.http().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> env(Path corpus, String name) {
        return Map.of("FOOTNOTE_CORPUS_PATH", corpus.toString(),
                "FOOTNOTE_DATA_PATH", WORK.resolve("data-" + name).toString(),
                "FOOTNOTE_INDEX_BACKEND", "opensearch",
                "FOOTNOTE_OPENSEARCH_HOSTS", OpenSearchCluster.shared().hosts(),
                "FOOTNOTE_OPENSEARCH_INDEX_NAME", "shared",
                "FOOTNOTE_INGEST_SCAN_INTERVAL", "0");
    }
}
