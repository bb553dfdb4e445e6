package io.footnote.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends generated malformed requests (see {@link MalformedRequests}; seed and count settable with
 * {@code -Dfootnote.malformed.seed} and {@code -Dfootnote.malformed.count}) and requires that none is
 * answered with a 5xx, and that every refusal is a problem detail saying what was wrong.
 */
@QuarkusTest
class MalformedRequestsTest {

    private static final long SEED = Long.getLong("footnote.malformed.seed", 20261122L);
    private static final int COUNT = Integer.getInteger("footnote.malformed.count", 240);
    private static final int VERIFY_COUNT = Integer.getInteger("footnote.malformed.verify-count", 1000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void generated_malformed_requests_never_get_a_server_error() throws Exception {
        send(MalformedRequests.generate(SEED, COUNT), Path.of("target/reliability/malformed.md"));
    }

    @Test
    void given_1000_malformed_verify_requests_then_none_gets_a_server_error_and_every_refusal_is_a_problem()
            throws Exception {
        send(VerifyMalformedRequests.generate(SEED, VERIFY_COUNT), Path.of("target/reliability/malformed-verify.md"));
    }

    private static void send(List<MalformedRequests.Request> requests, Path report) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int retried = 0;
        for (MalformedRequests.Request r : requests) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + r.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
            if (r.contentType() != null) {
                b.header("Content-Type", r.contentType());
            }
            HttpResponse<String> response;
            try {
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException stale) {
                // The server closes a connection after some refusals (a 414 from the HTTP codec); the client may
                // already have picked that pooled connection for this request. Once more, on a new connection.
                retried++;
                try {
                    response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    failures.add("no response (" + e + ") to " + r);
                    continue;
                }
            }
            int status = response.statusCode();
            byKind.computeIfAbsent(r.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add(status + " for " + r + " → " + response.body());
            } else if (status >= 400 && status != 404 && status != 405 && status != 414 && !explained(response)) {
                // 414 (request line over 4 KB) comes from the HTTP codec before any application code runs.
                failures.add(status + " without a problem detail for " + r + " → " + response.body());
            }
        }
        StringBuilder summary = new StringBuilder("| kind | responses by status |\n|---|---|\n");
        byKind.forEach((kind, statuses) -> summary.append("| ").append(kind).append(" | ").append(statuses).append(" |\n"));
        summary.append("\n").append(requests.size()).append(" requests, seed ").append(SEED).append(", ")
                .append(failures.size()).append(" failures, ").append(retried)
                .append(" sent again after the server had closed the pooled connection\n");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary);
        System.out.println(summary);

        assertTrue(requests.size() >= 200, "at least 200 requests");
        assertEquals(List.of(), failures, summary.toString());
        // the service still answers afterwards
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"How many deportations to China did ICE complete?\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
    }

    /** A 4xx must be a problem detail whose {@code detail} says something. */
    private static boolean explained(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("detail").asText("").length() > 10;
        } catch (IOException e) {
            return false;
        }
    }
}
