package io.footnote.web.openai;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** While the index is not available, completions are refused with an OpenAI-shaped 503 that clients retry. */
@QuarkusTest
@TestProfile(ChatCompletionsNotReadyTest.IndexCannotLoad.class)
class ChatCompletionsNotReadyTest {

    /**
     * A data path that is a file, not a folder: start-up cannot open the index under it, so the service never
     * gets ready. (An unknown embedding model no longer gets this far: typed configuration refuses it at boot.)
     */
    public static class IndexCannotLoad implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // under target/, so that a clean build removes it (the system temporary folder kept one per run)
                Path notAFolder = Files.createTempFile(Files.createDirectories(Path.of("target", "tmp")),
                        "footnote-not-a-folder", ".txt");
                return Map.of("footnote.data.path", notAFolder.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void completions_are_unavailable_with_an_openai_error_and_retry_after() {
        given().contentType(ContentType.JSON)
                .body(Map.of("model", "footnote", "messages", List.of(Map.of("role", "user", "content", "Anything?"))))
                .when().post("/v1/chat/completions")
                .then().statusCode(503).contentType(ContentType.JSON)
                .header("Retry-After", notNullValue())
                .body("error.type", equalTo("server_error"))
                .body("error.message", containsString("index"));
    }

    @Test
    void models_are_listed_even_so() {
        given().when().get("/v1/models").then().statusCode(200).body("data.id", equalTo(List.of("footnote",
                "footnote-extractive")));
    }
}
