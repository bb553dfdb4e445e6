package io.footnote.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.footnote.support.InjectWireMock;
import io.footnote.support.LlmCalls;
import io.footnote.support.LlmProfiles;
import io.footnote.support.LlmStub;
import io.footnote.support.SseEvents;
import io.footnote.support.StubbedProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.footnote.support.LlmCalls.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service against a stubbed Ollama server (native {@code /api/chat}, plain and NDJSON-streamed). */
@QuarkusTest
@TestProfile(LlmProfiles.Ollama.class)
class OllamaTest {

    private static final String QUESTION = "What tariffs did Trump threaten to put on Colombia?";
    private static final String REPLY = "Trump threatened Colombia with 25-percent tariffs, rising to 50 percent if Petro "
            + "refused to cooperate {{25-percent tariffs}}.";

    @InjectWireMock
    StubbedProvider llm;

    @BeforeEach
    void reset() {
        llm.reset();
        llm.replies(REPLY);
    }

    @Test
    void answers_through_the_native_chat_api_with_verified_citations() {
        JsonPath answer = ask(Map.of("question", QUESTION));

        JsonNode request = llm.lastAnswerRequest();
        assertEquals(LlmStub.MODEL, request.path("model").asText());
        assertFalse(request.path("stream").asBoolean(true));
        assertEquals("system", request.path("messages").get(0).path("role").asText());
        LlmCalls.assertFenced(request.path("messages").get(1).path("content").asText(), QUESTION);
        assertEquals(LlmStub.MODEL, answer.getString("mode"));
        assertEquals("Trump threatened Colombia with 25-percent tariffs, rising to 50 percent if Petro refused to "
                + "cooperate [1].", answer.getString("answer"));
        assertTrue(answer.getString("citations[0].text").contains("25-percent tariffs"));
        assertTrue(answer.getBoolean("citations[0].supported"), answer.prettify());
    }

    @Test
    void streams_the_answer_from_ndjson_chunks() {
        List<SseEvents.Event> events = LlmCalls.stream(Map.of("question", QUESTION));

        assertTrue(llm.lastAnswerRequest().path("stream").asBoolean(false));
        assertEquals(List.of("token", "done"), events.stream().map(SseEvents.Event::name).toList());
        JsonPath done = new JsonPath(events.get(1).data());
        assertEquals(done.getString("answer"), LlmCalls.streamedText(events));
        assertEquals(LlmStub.MODEL, done.getString("mode"));
        assertTrue(done.getBoolean("citations[0].supported"));
    }

    @Test
    void falls_back_when_the_model_is_not_pulled() {
        llm.stubFor(llm.answerCall()
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"model 'stub-model' not found\"}")));

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals("extractive", answer.getString("mode"));
        assertTrue(answer.getString("notice").contains("could not answer"), answer.getString("notice"));
        assertTrue(answer.getString("answer").contains("25-percent"), answer.getString("answer"));
    }
}
