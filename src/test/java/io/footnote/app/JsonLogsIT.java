package io.footnote.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.support.Folders;
import io.footnote.support.ServiceProcess;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service with {@code FOOTNOTE_LOG_JSON=true}: every line it logs, from the first line of start-up
 * to the last of shut-down, is one JSON object, and neither the question asked nor the admin key appears.
 */
class JsonLogsIT {

    private static final Path WORK = Path.of("target/json-logs-it");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "How many deportations to China did ICE complete?";

    @Test
    void every_line_from_start_up_to_shut_down_is_a_json_object_without_question_or_key() throws IOException {
        // given the packaged service started with JSON logs on
        Folders.deleteRecursively(WORK);
        Path log = Files.createDirectories(WORK).resolve("service.log");
        String adminKey = "json-logs-it-" + UUID.randomUUID();
        try (ServiceProcess service = ServiceProcess.start(Map.of(
                "FOOTNOTE_LOG_JSON", "true",
                "FOOTNOTE_ADMIN_API_KEY", adminKey,
                "FOOTNOTE_DATA_PATH", WORK.resolve("data").toString(),
                "FOOTNOTE_INGEST_SCAN_INTERVAL", "0"), log)) {
            service.await("the first ingest pass", Duration.ofMinutes(3), () -> !service.http()
                    .get("/q/health/ready").asString().contains("\"syncing\": true")
                    && service.http().get("/q/health/ready").statusCode() == 200);

            // when a question is asked, an admin endpoint is called with the key, and the service is stopped
            service.http().contentType(ContentType.JSON).body(Map.of("question", QUESTION)).post("/api/ask")
                    .then().statusCode(200);
            service.http().get("/api/ingest/status").then().statusCode(200);
        }

        // then every logged line parses as a JSON object with a level and a message
        List<String> lines = Files.readAllLines(log);
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || jvmLauncherWarning(line)) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            assertTrue(record.isObject(), "not a JSON object: " + line);
            assertTrue(record.hasNonNull("level") && record.hasNonNull("message"), "no level or message: " + line);
            records.add(record);
        }
        assertTrue(records.size() >= 3, "start-up, ingest and shut-down lines: " + lines);
        assertTrue(records.stream().anyMatch(r -> r.get("message").asText().contains("started in")),
                "the start-up line is JSON too: " + lines);
        String all = String.join("\n", lines);
        assertFalse(all.contains(QUESTION), "the question text is not logged");
        assertFalse(all.contains(adminKey), "the admin key is not logged");
    }

    /** What the JVM itself prints on standard error before any logger exists (not the service's log). */
    private static boolean jvmLauncherWarning(String line) {
        return line.startsWith("WARNING: ");
    }
}
