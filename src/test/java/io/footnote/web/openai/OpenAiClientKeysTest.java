package io.footnote.web.openai;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.footnote.support.Ready;
import io.footnote.web.security.SecurityProfiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With question keys configured, an OpenAI client's {@code apiKey} is the key Footnote checks. */
@QuarkusTest
@TestProfile(SecurityProfiles.QuestionKeys.class)
class OpenAiClientKeysTest {

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    private static OpenAiChatModel client(String apiKey) {
        return OpenAiChatModel.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey(apiKey)
                .modelName("footnote").timeout(Duration.ofSeconds(60)).maxRetries(0).build();
    }

    @Test
    void a_client_with_a_question_key_gets_a_cited_answer() {
        String text = client(SecurityProfiles.QuestionKeys.SECOND)
                .chat("How many deportations to China did ICE complete?");

        assertTrue(text.contains("288") && text.contains("[1]"), text);
    }

    @Test
    void a_client_with_a_wrong_key_meets_an_authentication_error() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> client("not-a-key").chat("How many deportations to China did ICE complete?"));

        assertTrue(e.getMessage().contains("invalid_api_key"), e.getMessage());
    }
}
