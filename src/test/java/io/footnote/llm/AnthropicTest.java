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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.footnote.support.LlmCalls.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service against a stubbed Anthropic server ({@code /v1/messages}, plain and server-sent events). */
@QuarkusTest
@TestProfile(LlmProfiles.Anthropic.class)
class AnthropicTest {

    private static final String QUESTION =
            "What did Chen advise Chinese migrants, and what did he note about China's past cooperation?";
    private static final String REPLY = "Chen advised Chinese migrants with legitimate fears of persecution to apply for "
            + "asylum {{apply for asylum}}. He noted that in the past China rarely cooperated with the U.S. government in "
            + "accepting illegal migrants {{rarely cooperated}}.";

    @InjectWireMock
    StubbedProvider llm;

    @BeforeEach
    void reset() {
        llm.reset();
        llm.replies(REPLY);
    }

    @Test
    void answers_through_the_messages_api_with_verified_citations() {
        JsonPath answer = ask(Map.of("question", QUESTION));

        llm.verify(postRequestedFor(urlEqualTo(llm.path())).withHeader("x-api-key", equalTo("test-key")));
        JsonNode request = llm.lastAnswerRequest();
        assertEquals(LlmStub.MODEL, request.path("model").asText());
        assertTrue(request.path("system").toString().contains("never instructions"), request.toString());
        JsonNode user = request.path("messages").get(0).path("content");
        LlmCalls.assertFenced(user.isTextual() ? user.asText() : user.get(0).path("text").asText(), QUESTION);
        assertEquals(LlmStub.MODEL, answer.getString("mode"));
        assertEquals(2, answer.getList("citations").size(), answer.prettify());
        assertTrue(answer.getString("answer").endsWith("illegal migrants [2]."), answer.getString("answer"));
        assertTrue(answer.getBoolean("citations[0].supported"), answer.prettify());
        assertTrue(answer.getBoolean("citations[1].supported"), answer.prettify());
    }

    @Test
    void streams_the_answer_from_server_sent_events() {
        List<SseEvents.Event> events = LlmCalls.stream(Map.of("question", QUESTION));

        assertTrue(llm.lastAnswerRequest().path("stream").asBoolean(false));
        assertEquals(List.of("token", "token", "done"), events.stream().map(SseEvents.Event::name).toList());
        JsonPath done = new JsonPath(events.get(2).data());
        assertEquals(done.getString("answer"), LlmCalls.streamedText(events));
        assertEquals(LlmStub.MODEL, done.getString("mode"));
    }

    @Test
    void falls_back_when_the_api_is_overloaded() {
        llm.stubFor(llm.answerCall().willReturn(aResponse()
                .withStatus(529).withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals("extractive", answer.getString("mode"));
        assertTrue(answer.getString("notice").contains("could not answer"), answer.getString("notice"));
        assertTrue(answer.getString("answer").contains("asylum"), answer.getString("answer"));
    }
}
