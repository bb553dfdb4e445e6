package io.footnote.llm;

import io.footnote.support.LlmCalls;
import io.footnote.support.LlmProfiles;
import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configured model server that is not there: reported, and questions still answered. */
@QuarkusTest
@TestProfile(LlmProfiles.Unreachable.class)
class UnreachableModelTest {

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void health_reports_the_unreachable_server_yet_stays_up() {
        JsonPath llm = LlmCalls.llmHealth();

        assertEquals("false", llm.getString("reachable"));
        assertFalse(llm.getString("error").isBlank());
    }

    @Test
    void answers_extractively_with_a_notice_saying_why() {
        JsonPath answer = LlmCalls.ask(Map.of("question", "How many deportations to China did ICE complete?"));

        assertEquals("extractive", answer.getString("mode"));
        assertTrue(answer.getString("answer").contains("288"), answer.getString("answer"));
        assertTrue(answer.getString("notice").contains("could not be reached"), answer.getString("notice"));
    }
}
