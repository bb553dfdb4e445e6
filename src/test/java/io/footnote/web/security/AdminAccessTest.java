package io.footnote.web.security;

import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test profile configures an admin key; no question keys, so question endpoints are open. */
@QuarkusTest
class AdminAccessTest {

    private static String adminKey() {
        return ConfigProvider.getConfig().getValue("footnote.admin.api-key", String.class);
    }

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void admin_endpoints_refuse_a_request_without_the_admin_key() {
        given().post("/api/reindex").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("footnote.admin.api-key"));
        given().get("/api/ingest/status").then().statusCode(401);
        given().delete("/api/documents/ferry").then().statusCode(401);
        given().multiPart("file", "a.txt", "Title\n\nSome text here.".getBytes(StandardCharsets.UTF_8))
                .post("/api/documents").then().statusCode(401);
    }

    @Test
    void admin_endpoints_refuse_a_wrong_key_without_echoing_it() {
        String body = given().header("Authorization", "Bearer not-the-key-" + adminKey())
                .get("/api/ingest/status").then().statusCode(401).extract().asString();
        assertFalse(body.contains(adminKey()), body);
        assertFalse(body.contains("not-the-key"), body);
        given().header("Authorization", "Basic " + adminKey()).get("/api/ingest/status").then().statusCode(401);
    }

    @Test
    void admin_endpoints_accept_the_admin_key() {
        given().header("Authorization", "Bearer " + adminKey()).get("/api/ingest/status").then().statusCode(200);
        given().header("Authorization", "bearer " + adminKey()).get("/api/ingest/status").then().statusCode(200);
        given().header("Authorization", "Bearer " + adminKey()).delete("/api/documents/no-such-article")
                .then().statusCode(404);
    }

    @Test
    void question_endpoints_are_open_when_no_api_keys_are_configured() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Who is the chair of the Dinan council?"))
                .post("/api/ask").then().statusCode(200);
        given().get("/api/documents").then().statusCode(200);
    }

    @Test
    void an_oversized_request_body_is_refused_before_it_is_read() {
        String huge = "x".repeat(1_100_000);
        given().contentType(ContentType.JSON).body("{\"question\":\"" + huge + "\"}")
                .post("/api/ask").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("footnote.limits.max-request-size"));
    }

    @Test
    void a_json_body_of_unstated_length_is_refused() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        byte[] json = "{\"question\":\"Who is the mayor?\"}".getBytes(StandardCharsets.UTF_8);
        for (HttpClient.Version version : HttpClient.Version.values()) {
            // An input-stream body has no known length: chunked over HTTP/1.1, no Content-Length over HTTP/2.
            HttpResponse<String> response = HttpClient.newBuilder().version(version).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(411, response.statusCode(), version + ": " + response.body());
            assertTrue(response.body().contains("Content-Length"), response.body());
        }
    }

    @Test
    void the_chat_page_is_served_with_a_strict_content_security_policy() {
        String csp = given().get("/").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .extract().header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        given().get("/api/documents").then().header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void cross_origin_requests_get_no_cors_grant_by_default() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/api/ask").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").get("/api/documents")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
