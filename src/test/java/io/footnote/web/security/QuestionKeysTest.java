package io.footnote.web.security;

import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SecurityProfiles.QuestionKeys.class)
class QuestionKeysTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()) + " " + String.valueOf(record.getThrown())
                    + " " + (record.getParameters() == null ? "" : List.of(record.getParameters())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(capture);
    }

    private static io.restassured.specification.RequestSpecification question() {
        return given().contentType(ContentType.JSON).body(Map.of("question", "Who chairs the council in Dinan?"));
    }

    @Test
    void question_endpoints_refuse_a_request_without_a_key() {
        question().post("/api/ask").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("footnote.api-keys"));
        question().post("/api/ask/stream").then().statusCode(401);
        given().get("/api/documents").then().statusCode(401);
    }

    @Test
    void any_configured_key_or_the_admin_key_opens_the_question_endpoints() {
        question().header("Authorization", "Bearer " + SecurityProfiles.QuestionKeys.FIRST).post("/api/ask")
                .then().statusCode(200);
        question().header("Authorization", "Bearer " + SecurityProfiles.QuestionKeys.SECOND).post("/api/ask")
                .then().statusCode(200);
        String admin = ConfigProvider.getConfig().getValue("footnote.admin.api-key", String.class);
        given().header("Authorization", "Bearer " + admin).get("/api/documents").then().statusCode(200);
    }

    @Test
    void a_question_key_does_not_open_the_admin_endpoints() {
        given().header("Authorization", "Bearer " + SecurityProfiles.QuestionKeys.FIRST).post("/api/reindex")
                .then().statusCode(401);
    }

    @Test
    void openai_style_paths_answer_refusals_in_the_openai_error_shape() {
        given().get("/v1/models").then().statusCode(401).contentType(ContentType.JSON)
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("Authorization: Bearer"));
    }

    @Test
    void keys_are_never_written_to_the_log() {
        question().header("Authorization", "Bearer wrong-" + SecurityProfiles.QuestionKeys.SECOND).post("/api/ask")
                .then().statusCode(401);
        question().header("Authorization", "Bearer " + SecurityProfiles.QuestionKeys.FIRST).post("/api/ask")
                .then().statusCode(200);
        question().header("Authorization", "Bearer " + SecurityProfiles.QuestionKeys.FIRST)
                .body("{\"question\": 12, \"history\": \"x\"").post("/api/ask").then().statusCode(400);
        assertTrue(logged.stream().noneMatch(line -> line.contains(SecurityProfiles.QuestionKeys.FIRST)
                || line.contains(SecurityProfiles.QuestionKeys.SECOND)), String.join("\n", logged));
        // The refusal itself is logged (who, where, why) — the key is not.
        assertTrue(logged.stream().anyMatch(line -> line.contains("Refused") && line.contains("/api/ask")),
                String.join("\n", logged));
    }
}
