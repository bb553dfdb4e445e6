package io.footnote.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for tests against a stubbed language model: asking, and reading what the service sent. */
public final class LlmCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmCalls() {
    }

    public static JsonPath ask(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/ask")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    public static List<SseEvents.Event> stream(Object body) {
        String text = given().contentType(ContentType.JSON).accept("text/event-stream").body(body)
                .when().post("/api/ask/stream")
                .then().statusCode(200)
                .extract().asString();
        return SseEvents.parse(text);
    }

    /** The answer requests (those carrying sources) the service sent to {@code path}, oldest first. */
    public static List<LoggedRequest> answerRequests(WireMockServer llm, String path) {
        return llm.findAll(anyRequestedFor(urlPathMatching(path))).stream()
                .filter(r -> r.getBodyAsString().contains("BEGIN SOURCES"))
                .toList();
    }

    public static JsonNode json(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The prompt's numbered source lines: number → sentence. */
    public static Map<Integer, String> sources(String prompt) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\[(\\d+)] (.*)$").matcher(prompt);
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return out;
    }

    /** The prompt's number for the source line containing {@code text}. */
    public static int numberOf(String prompt, String text) {
        return sources(prompt).entrySet().stream().filter(e -> e.getValue().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no source line contains '" + text + "' in\n" + prompt)).getKey();
    }

    /**
     * Checks the fencing of the sources: one BEGIN and one END line with the same nonce, every numbered
     * source between them, the question after them.
     */
    public static void assertFenced(String userMessage, String question) {
        Matcher begin = Pattern.compile("(?m)^BEGIN SOURCES ([0-9a-f]{12})$").matcher(userMessage);
        assertTrue(begin.find(), userMessage);
        String nonce = begin.group(1);
        int start = begin.end();
        int end = userMessage.indexOf("\nEND SOURCES " + nonce + "\n");
        assertTrue(end > start, "closing fence with the nonce after the opening one");
        Matcher line = Pattern.compile("(?m)^\\[(\\d+)] ").matcher(userMessage);
        int expected = 1;
        while (line.find()) {
            assertTrue(line.start() > start && line.start() < end, "source line outside the fence");
            assertEquals(expected++, Integer.parseInt(line.group(1)), "sources numbered 1..n in order");
        }
        assertTrue(expected > 1, "at least one numbered source");
        assertTrue(userMessage.substring(end).contains("Question: " + question), userMessage);
    }

    /**
     * The data of the {@code llm} health check, once the start-up check of the model server has returned
     * (it runs right after the index is ready; {@code reachable} is {@code unknown} until then).
     */
    public static JsonPath llmHealth() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            JsonPath llm = new JsonPath(health.prettify()).setRootPath("checks.find { it.name == 'llm' }.data");
            if (!"unknown".equals(llm.getString("reachable")) || System.currentTimeMillis() > deadline) {
                return llm;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return llm;
            }
        }
    }

    /** The answer text rebuilt from the token events after the last reset. */
    public static String streamedText(List<SseEvents.Event> events) {
        StringBuilder out = new StringBuilder();
        for (SseEvents.Event e : events) {
            if (e.name().equals("reset")) {
                out.setLength(0);
            } else if (e.name().equals("token")) {
                out.append(new JsonPath(e.data()).getString("text"));
            }
        }
        return out.toString();
    }
}
