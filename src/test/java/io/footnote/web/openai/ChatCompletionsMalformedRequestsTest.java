package io.footnote.web.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Generated malformed requests to {@code /v1/chat/completions} (seeded, so a failure replays with
 * {@code -Dfootnote.malformed.seed}): none may get a 5xx, and every refusal must be an OpenAI error whose
 * message says something — never a problem detail, which OpenAI clients cannot read.
 */
@QuarkusTest
class ChatCompletionsMalformedRequestsTest {

    private static final long SEED = Long.getLong("footnote.malformed.seed", 20261122L);
    private static final int COUNT = 160;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"model\":\"footnote\",\"stream\":false,\"messages\":["
            + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"How many deportations to China did ICE "
            + "complete?\"}]}]}";
    private static final String[] WRONG = {"12", "true", "null", "[\"a\"]", "{\"x\":1}", "-0.5e10", "\"\"", "[[]]",
            "1e999999", "\"\\u0000\""};
    private static final String[] FIELDS = {"model", "messages", "stream", "n", "stream_options", "tools",
            "response_format", "temperature", "max_tokens", "logprobs", "modalities", "tool_choice", "user"};
    private static final String[] MESSAGES = {"{\"role\":\"user\"}", "{\"content\":\"hi\"}", "\"hi\"", "null",
            "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}",
            "{\"role\":\"user\",\"content\":[{\"text\":\"no type\"}]}", "{\"role\":\"user\",\"content\":[null]}",
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":7}]}", "{\"role\":\"user\",\"content\":7}",
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\"}]}", "{\"role\":\"function\"}",
            "{\"role\":\"user\",\"content\":\"" + "why ".repeat(3_000) + "\"}", "{\"role\":[],\"content\":\"hi\"}"};

    private static final String[] KINDS = {"truncated JSON", "a field of the wrong type", "an ill-formed message",
            "deeply nested content", "odd JSON", "an unknown model"};

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    private static Map.Entry<String, byte[]> generate(Random random, int i) {
        String body = switch (i % 7) {
            case 0 -> VALID.substring(0, 1 + random.nextInt(VALID.length() - 1));
            case 1 -> VALID.replaceFirst("\\{", "{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":"
                    + WRONG[random.nextInt(WRONG.length)] + ",");
            case 2 -> "{\"model\":\"footnote\",\"messages\":[" + MESSAGES[random.nextInt(MESSAGES.length)] + "]}";
            case 3 -> "{\"model\":\"footnote\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "[".repeat(200 + random.nextInt(5_000)) + "]".repeat(0) + "}]}";
            case 4 -> List.of("", " ", "null", "[]", "{}", "\"hi\"", "{\"model\":\"footnote\"}",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "{\"model\":\"footnote\",}").get(random.nextInt(9));
            case 5 -> VALID.replace("\"footnote\"", "\"" + List.of("gpt-4o", "FOOTNOTE", " footnote", "footnote\\u0000",
                    "../footnote").get(random.nextInt(5)) + "\"");
            default -> null;
        };
        if (body == null) {
            byte[] b = new byte[16 + random.nextInt(2_000)];
            random.nextBytes(b);
            b[0] = '{';
            return Map.entry("bytes that are not UTF-8", b);
        }
        return Map.entry(KINDS[i % 7], body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformed_requests_get_openai_errors_and_never_a_server_error() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        for (int i = 0; i < COUNT; i++) {
            Map.Entry<String, byte[]> r = generate(random, i);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(r.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            byKind.computeIfAbsent(r.getKey(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            String shown = new String(r.getValue(), 0, Math.min(120, r.getValue().length), StandardCharsets.UTF_8);
            if (status >= 500) {
                failures.add(status + " for " + shown + " → " + response.body());
            } else if (status >= 400 && !openAiError(response)) {
                failures.add(status + " without an OpenAI error for " + shown + " → " + response.body());
            }
        }
        System.out.println("Malformed /v1 requests, responses by status: " + byKind);
        assertEquals(List.of(), failures, byKind.toString());
    }

    private static boolean openAiError(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            return error.path("message").asText("").length() > 10 && error.path("type").isTextual();
        } catch (IOException e) {
            return false;
        }
    }
}
