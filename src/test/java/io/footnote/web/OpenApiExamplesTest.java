package io.footnote.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API description at /q/openapi: grouped, summarised, with a Bearer scheme and examples that work as sent. */
@QuarkusTest
class OpenApiExamplesTest {

    private static final Set<String> TAGS = Set.of("Questions", "Documents", "Ingestion", "OpenAI-compatible");
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    private JsonNode description() throws Exception {
        return json.readTree(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void given_the_api_description_then_every_operation_has_a_summary_and_one_known_group() throws Exception {
        JsonNode api = description();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                operations++;
                String where = method.toUpperCase() + " " + path.getKey();
                assertFalse(op.path("summary").asText().isBlank(), where + " has no summary");
                assertEquals(1, op.path("tags").size(), where + " tags: " + op.path("tags"));
                assertTrue(TAGS.contains(op.path("tags").get(0).asText()), where + " tags: " + op.path("tags"));
            }
        }
        assertTrue(operations >= 10, "operations described: " + operations);
        assertEquals("bearer", api.at("/components/securitySchemes/bearer/scheme").asText());
        assertTrue(api.at("/paths/~1api~1reindex/post/security").toString().contains("bearer"));
    }

    @Test
    void given_the_chat_completion_schema_then_no_jackson_internals_are_described() throws Exception {
        String api = description().toString();

        for (String internal : List.of("valueNode", "containerNode", "missingNode", "nodeType")) {
            assertFalse(api.contains("\"" + internal + "\""), internal + " is described");
        }
    }

    @Test
    void given_every_documented_example_when_sent_as_it_is_then_it_succeeds() throws Exception {
        JsonNode api = description();
        List<String> sent = new ArrayList<>();
        Set<String> skipped = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                List<String> bodies = bodyExamples(op);
                boolean needsBody = op.path("requestBody").path("required").asBoolean(false)
                        || op.has("requestBody");
                String url = withParameterExamples(path.getKey(), op);
                if (url == null || (needsBody && bodies.isEmpty())) {
                    skipped.add(where); // nothing documented to send (uploads, deletions)
                    continue;
                }
                for (String body : bodies.isEmpty() ? java.util.Collections.singletonList((String) null) : bodies) {
                    RequestSpecification request = given().header("Authorization", "Bearer test-admin-key");
                    if (body != null) {
                        request = request.contentType("application/json").body(body);
                    }
                    Response response = request.request(method.toUpperCase(), url);
                    assertTrue(response.statusCode() >= 200 && response.statusCode() < 300,
                            where + " with " + body + " → " + response.statusCode() + " " + response.asString());
                    sent.add(where);
                }
            }
        }
        assertTrue(sent.contains("POST /api/ask"), "sent: " + sent);
        assertTrue(sent.contains("POST /api/ask/stream"), "sent: " + sent);
        assertTrue(sent.contains("POST /v1/chat/completions"), "sent: " + sent);
        assertTrue(sent.contains("GET /api/documents/{id}"), "sent: " + sent);
        assertEquals(Set.of("POST /api/documents", "DELETE /api/documents/{id}"), skipped, "not sent");
    }

    private List<String> bodyExamples(JsonNode op) {
        List<String> out = new ArrayList<>();
        JsonNode examples = op.at("/requestBody/content/application~1json/examples");
        for (JsonNode example : examples) {
            JsonNode value = example.get("value");
            out.add(value.isTextual() ? value.asText() : value.toString());
        }
        return out;
    }

    /** The path with each path parameter replaced by its example and query examples appended; null if one lacks it. */
    private static String withParameterExamples(String path, JsonNode op) {
        String url = path;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            JsonNode example = p.get("example");
            String in = p.path("in").asText();
            if (example == null) {
                if ("path".equals(in)) {
                    return null;
                }
                continue;
            }
            if ("path".equals(in)) {
                url = url.replace("{" + p.get("name").asText() + "}", example.asText());
            } else if ("query".equals(in)) {
                query.append(query.isEmpty() ? "?" : "&").append(p.get("name").asText()).append('=').append(example.asText());
            }
        }
        return url + query;
    }
}
