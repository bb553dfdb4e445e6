package io.footnote.web.openai;

import io.footnote.support.InjectWireMock;
import io.footnote.support.LlmProfiles;
import io.footnote.support.LlmStub;
import io.footnote.support.SseEvents;
import io.footnote.support.StubbedProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /v1/chat/completions} when a language model writes the answers (a stubbed OpenAI-compatible server):
 * {@code footnote} answers with the model, {@code footnote-extractive} never calls it, and a stream never
 * shows text that the verified answer withdrew.
 */
@QuarkusTest
@TestProfile(LlmProfiles.OpenAi.class)
class ChatCompletionsWithLlmTest {

    private static final String QUESTION =
            "How many deportations to China did ICE complete, and how many migrants from China did CBP encounter?";

    @InjectWireMock
    StubbedProvider llm;

    @BeforeEach
    void reset() {
        llm.reset();
    }

    private static Map<String, Object> request(String model, boolean stream, List<Map<String, String>> messages) {
        return Map.of("model", model, "stream", stream, "messages", messages);
    }

    private static List<Map<String, String>> question(String q) {
        return List.of(Map.of("role", "user", "content", q));
    }

    private static JsonPath completion(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/chat/completions")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The streamed chunks (without {@code [DONE]}). */
    private static List<JsonPath> chunks(Map<String, Object> body) {
        String text = given().contentType(ContentType.JSON).body(body).when().post("/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        List<SseEvents.Event> events = SseEvents.parse(text);
        assertEquals("[DONE]", events.get(events.size() - 1).data());
        return events.subList(0, events.size() - 1).stream().map(e -> new JsonPath(e.data())).toList();
    }

    private static String content(List<JsonPath> chunks) {
        StringBuilder s = new StringBuilder();
        for (JsonPath c : chunks) {
            String piece = c.getString("choices[0].delta.content");
            s.append(piece == null ? "" : piece);
        }
        return s.toString();
    }

    @Test
    void footnote_model_answers_with_the_language_model_and_verified_citations() {
        // given a model that cites two sources
        llm.replies("ICE completed just 288 deportations back to China {{288 deportations}}. Customs and Border "
                + "Protection encountered nearly 53,000 unauthorized migrants from China last year {{53,000 unauthorized}}.");

        // when
        JsonPath c = completion(request("footnote", false, question(QUESTION)));

        // then the model wrote it, the markers renumbered in order of use and each citation verified
        assertEquals("ICE completed just 288 deportations back to China [1]. Customs and Border Protection encountered "
                + "nearly 53,000 unauthorized migrants from China last year [2].", c.getString("choices[0].message.content"));
        assertEquals(LlmStub.MODEL, c.getString("footnote.mode"));
        assertEquals("footnote", c.getString("model"));
        assertTrue(c.getString("citations[0].text").contains("288 deportations"));
        assertTrue(c.getBoolean("citations[0].supported"));
        assertTrue(c.getBoolean("citations[1].supported"));
        assertEquals(1, llm.answerRequests().size());
    }

    @Test
    void footnote_model_streams_the_models_verified_sentences() {
        llm.replies("ICE completed just 288 deportations back to China {{288 deportations}}. Customs and Border "
                + "Protection encountered nearly 53,000 unauthorized migrants from China last year {{53,000 unauthorized}}.");

        List<JsonPath> chunks = chunks(request("footnote", true, question(QUESTION)));

        assertEquals("ICE completed just 288 deportations back to China [1]. Customs and Border Protection encountered "
                + "nearly 53,000 unauthorized migrants from China last year [2].", content(chunks));
        JsonPath closing = chunks.get(chunks.size() - 1);
        assertEquals(LlmStub.MODEL, closing.getString("footnote.mode"));
        assertEquals(2, closing.getList("citations").size());
    }

    @Test
    void footnote_extractive_never_calls_the_model_even_for_a_follow_up() {
        // given a model that would answer, and a follow-up the model would otherwise be asked to rewrite
        llm.replies("ICE completed just 288 deportations back to China {{288 deportations}}.");
        List<Map<String, String>> messages = List.of(
                Map.of("role", "user", "content", "How many deportations to China did ICE complete?"),
                Map.of("role", "assistant", "content", "ICE completed just 288 deportations back to China [1]."),
                Map.of("role", "user", "content", "And how many migrants from China did CBP encounter?"));

        // when
        JsonPath c = completion(request("footnote-extractive", false, messages));

        // then the extractive answerer answered and the model server heard nothing
        assertEquals("extractive", c.getString("footnote.mode"));
        assertTrue(c.getString("choices[0].message.content").contains("53,000"));
        assertFalse(c.getList("citations").isEmpty());
        assertEquals(0, llm.findAll(postRequestedFor(urlEqualTo(llm.path()))).size());
    }

    @Test
    void a_stream_whose_model_breaks_off_shows_only_the_answer_that_replaced_it() {
        // given a model whose stream breaks off after a first sentence
        String chunk = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}";
        llm.stubFor(llm.answerCall()
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody("data: " + chunk.formatted("WITHDRAWN: ICE completed 288 deportations [1]. ") + "\n\n"
                                + "data: " + chunk.formatted("Then") + "\n\n"
                                + "data: {\"choices\": [ this is not json\n\n")));

        // when
        List<JsonPath> chunks = chunks(request("footnote", true, question(QUESTION)));

        // then the deltas are exactly the extractive answer, with nothing of the withdrawn text
        String streamed = content(chunks);
        assertFalse(streamed.contains("WITHDRAWN"), streamed);
        assertEquals(completion(request("footnote-extractive", false, question(QUESTION)))
                .getString("choices[0].message.content"), streamed);
        JsonPath closing = chunks.get(chunks.size() - 1);
        assertEquals("extractive", closing.getString("footnote.mode"));
        assertTrue(closing.getString("footnote.notice").contains("could not answer"), closing.prettify());
    }
}
