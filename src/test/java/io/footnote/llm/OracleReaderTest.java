package io.footnote.llm;

import io.footnote.support.InjectWireMock;
import io.footnote.support.LlmCalls;
import io.footnote.support.LlmProfiles;
import io.footnote.support.SseEvents;
import io.footnote.support.StubbedProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.footnote.support.LlmCalls.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oracle reader (io.footnote.eval.OracleReader's reply, served by WireMock in the OpenAI wire format)
 * behind the service's real OpenAI-compatible client: the path the evaluation's {@code eval.oracle} mode
 * measures — retrieval, prompt, marker parsing, citation check.
 */
@QuarkusTest
@TestProfile(LlmProfiles.OpenAi.class)
class OracleReaderTest {

    private static final String QUESTION = "How many deportations to China did ICE complete?";
    private static final String SUPPORTING =
            "U.S. Immigration and Customs Enforcement said it completed just 288 deportations back to China.";

    @InjectWireMock
    StubbedProvider llm;

    @BeforeEach
    void reset() {
        llm.reset();
    }

    @Test
    void the_oracle_answer_comes_back_cited_and_supported() {
        // given an oracle that copies the supporting sentence when its prompt holds it
        llm.oracleKnows(SUPPORTING);

        // when
        JsonPath answer = ask(Map.of("question", QUESTION));

        // then the prompt held it, and the copied sentence comes back cited to it and verified
        String user = llm.lastAnswerRequest().path("messages").get(1)
                .path("content").asText();
        LlmCalls.assertFenced(user, QUESTION);
        assertFalse(answer.getBoolean("abstained"), answer.prettify());
        assertEquals(SUPPORTING + " [1]", answer.getString("answer"));
        assertEquals(1, answer.getList("citations").size());
        assertEquals(SUPPORTING, answer.getString("citations[0].text"));
        assertEquals("001_6e42664aacee9aa1", answer.getString("citations[0].documentId"));
        assertTrue(answer.getBoolean("citations[0].supported"), answer.prettify());
        assertTrue(answer.getDouble("citations[0].support") >= 0.5, answer.prettify());
        assertEquals(List.of(), answer.getList("unsupportedClaims"));
    }

    @Test
    void the_streamed_oracle_answer_comes_back_cited_and_supported() {
        llm.oracleKnows(SUPPORTING);

        List<SseEvents.Event> events = LlmCalls.stream(Map.of("question", QUESTION));

        JsonPath done = new JsonPath(events.getLast().data());
        assertEquals("done", events.getLast().name(), events.toString());
        assertEquals(SUPPORTING + " [1]", done.getString("answer"));
        assertTrue(done.getBoolean("citations[0].supported"), done.prettify());
    }

    @Test
    void the_oracle_declines_when_its_prompt_lacks_the_supporting_sentence() {
        // given a supporting sentence no article holds
        llm.oracleKnows("Ferries to the island leave the harbour at nine every morning.");

        // when
        JsonPath answer = ask(Map.of("question", QUESTION));

        // then it was asked, replied NO_ANSWER, and the answer abstains without citations
        assertFalse(llm.answerRequests().isEmpty());
        assertTrue(answer.getBoolean("abstained"), answer.prettify());
        assertEquals(List.of(), answer.getList("citations"));
    }
}
