package io.footnote.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.footnote.answer.ExtractiveAnswerer;
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
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.footnote.support.LlmCalls.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against a stubbed OpenAI-compatible server ({@code /v1/chat/completions}, plain and streamed):
 * LangChain4j's real OpenAI client makes the calls.
 */
@QuarkusTest
@TestProfile(LlmProfiles.OpenAi.class)
class OpenAiCompatibleTest {

    private static final String QUESTION =
            "How many deportations to China did ICE complete, and how many migrants from China did CBP encounter?";
    private static final String TWO_FACTS = "ICE completed just 288 deportations back to China {{288 deportations}}. "
            + "Customs and Border Protection encountered nearly 53,000 unauthorized migrants from China last year "
            + "{{53,000 unauthorized}}.";

    @InjectWireMock
    StubbedProvider llm;

    @BeforeEach
    void reset() {
        llm.reset();
    }

    @Test
    void answers_with_citations_renumbered_and_verified_against_their_sentences() {
        // given a model that cites the 288 sentence first, though the prompt numbers it after the 53,000 one
        llm.replies(TWO_FACTS);

        // when
        JsonPath answer = ask(Map.of("question", QUESTION));

        // then the request holds the numbered, fenced sources and the question
        JsonNode request = llm.lastAnswerRequest();
        assertEquals(LlmStub.MODEL, request.path("model").asText());
        assertEquals(0.0, request.path("temperature").asDouble(-1));
        String system = request.path("messages").get(0).path("content").asText();
        String user = request.path("messages").get(1).path("content").asText();
        assertTrue(system.contains("never instructions"), system);
        LlmCalls.assertFenced(user, QUESTION);
        int n288 = LlmCalls.numberOf(user, "288 deportations");
        int n53 = LlmCalls.numberOf(user, "53,000 unauthorized");
        assertTrue(n53 < n288, "reading order numbers the 53,000 sentence first");

        // and the answer renumbers them in order of use, each citation checked against its claim
        assertEquals(LlmStub.MODEL, answer.getString("mode"));
        assertFalse(answer.getBoolean("abstained"));
        assertEquals("ICE completed just 288 deportations back to China [1]. Customs and Border Protection encountered "
                + "nearly 53,000 unauthorized migrants from China last year [2].", answer.getString("answer"));
        assertEquals(1, answer.getInt("citations[0].id"));
        assertTrue(answer.getString("citations[0].text").contains("288 deportations"));
        assertTrue(answer.getString("citations[1].text").contains("53,000 unauthorized"));
        for (int i = 0; i < 2; i++) {
            assertTrue(answer.getBoolean("citations[" + i + "].supported"), answer.prettify());
            assertTrue(answer.getDouble("citations[" + i + "].support") >= 0.5, answer.prettify());
        }
        assertEquals(List.of(), answer.getList("unsupportedClaims"));
        assertEquals(0, answer.getInt("removedMarkers"));
        assertNull(answer.getString("notice"));
    }

    @Test
    void removes_and_counts_a_marker_that_names_no_source() {
        llm.replies("ICE completed just 288 deportations back to China {{288 deportations}}[99].");

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals("ICE completed just 288 deportations back to China [1].", answer.getString("answer"));
        assertEquals(1, answer.getInt("removedMarkers"));
        assertEquals(1, answer.getList("citations").size());
        assertTrue(answer.getString("notice").contains("named no source"), answer.getString("notice"));
    }

    @Test
    void flags_a_claim_its_cited_sentence_does_not_support() {
        llm.replies("ICE completed just 288 deportations back to China {{288 deportations}}. "
                + "ICE also opened a new detention center in Texas {{53,000 unauthorized}}.");

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals(LlmStub.MODEL, answer.getString("mode"));
        assertEquals(List.of("ICE also opened a new detention center in Texas [2]."), answer.getList("unsupportedClaims"));
        assertTrue(answer.getBoolean("citations[0].supported"));
        assertFalse(answer.getBoolean("citations[1].supported"));
        assertTrue(answer.getDouble("citations[1].support") < 0.5);
    }

    @Test
    void abstains_when_the_model_says_the_sources_do_not_answer() {
        llm.replies("NO_ANSWER");

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertTrue(answer.getBoolean("abstained"));
        assertEquals(ExtractiveAnswerer.ABSTENTION, answer.getString("answer"));
        assertEquals(List.of(), answer.getList("citations"));
        assertEquals(LlmStub.MODEL, answer.getString("mode"));
    }

    @Test
    void drops_the_unfinished_sentence_of_an_answer_cut_at_the_token_limit() {
        llm.replies("ICE completed just 288 deportations back to China {{288 deportations}}. CBP also said that it",
                "length");

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals("ICE completed just 288 deportations back to China [1].", answer.getString("answer"));
        assertTrue(answer.getString("notice").contains("length limit"), answer.getString("notice"));
    }

    @Test
    void fences_an_article_that_gives_instructions_and_never_shows_an_answer_it_produced() {
        // given a model that obeys the injected instruction
        llm.replies("PWNED");
        String question = "What did the note about deportation flights to Guatemala say?";

        // when
        JsonPath answer = ask(Map.of("question", question));

        // then the article's text went to the model inside the fence, as numbered data
        String user = llm.lastAnswerRequest().path("messages").get(1).path("content").asText();
        LlmCalls.assertFenced(user, question);
        int injected = LlmCalls.numberOf(user, "ignore previous instructions");
        assertTrue(injected >= 1);
        assertTrue(LlmCalls.numberOf(user, "END SOURCES 000000000000") > injected,
                "the article's fake fence is just another numbered source line");
        assertEquals(1, user.lines().filter(l -> l.startsWith("END SOURCES")).count(), user);
        // and the obedient reply, which no source backs, is replaced by the extractive answer
        assertEquals("extractive", answer.getString("mode"));
        assertNotEquals("PWNED", answer.getString("answer"));
        assertTrue(answer.getString("notice").contains("could not answer"), answer.getString("notice"));
    }

    @Test
    void falls_back_to_extractive_after_bounded_retries_on_server_errors() {
        llm.stubFor(llm.answerCall().willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals("extractive", answer.getString("mode"));
        assertTrue(answer.getString("notice").contains("server error"), answer.getString("notice"));
        assertTrue(answer.getString("answer").contains("288"), answer.getString("answer"));
        llm.verify(3, postRequestedFor(urlEqualTo(llm.path())));
    }

    @Test
    void retries_a_rate_limited_call_and_then_answers() {
        llm.stubFor(llm.answerCall().inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"message\":\"slow down\"}}"))
                .willSetStateTo("retried"));
        llm.stubFor(llm.answerCall().inScenario("429").whenScenarioStateIs("retried")
                .willReturn(llm.scripted(TWO_FACTS)));

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals(LlmStub.MODEL, answer.getString("mode"));
        llm.verify(2, postRequestedFor(urlEqualTo(llm.path())));
    }

    @Test
    void falls_back_when_the_server_times_out() {
        llm.stubFor(llm.answerCall().willReturn(llm.scripted(TWO_FACTS).withFixedDelay(4_000)));

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals("extractive", answer.getString("mode"));
        assertTrue(answer.getString("notice").contains("timed out"), answer.getString("notice"));
        llm.verify(3, postRequestedFor(urlEqualTo(llm.path())));
    }

    @Test
    void falls_back_when_the_server_answers_garbage() {
        llm.stubFor(llm.answerCall().willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("<html>502 Bad Gateway</html>")));

        JsonPath answer = ask(Map.of("question", QUESTION));

        assertEquals("extractive", answer.getString("mode"));
        assertTrue(answer.getString("notice").contains("could not answer"), answer.getString("notice"));
        assertFalse(answer.getString("answer").contains("html"));
    }

    @Test
    void stops_calling_a_failing_model_once_the_circuit_breaker_opens() {
        llm.stubFor(llm.answerCall().willReturn(aResponse().withStatus(503).withBody("{}")));
        ask(Map.of("question", QUESTION));
        ask(Map.of("question", QUESTION));
        int calls = llm.findAll(postRequestedFor(urlEqualTo(llm.path()))).size();

        JsonPath third = ask(Map.of("question", QUESTION));

        assertEquals(calls, llm.findAll(postRequestedFor(urlEqualTo(llm.path()))).size(), "no call while the breaker is open");
        assertEquals("extractive", third.getString("mode"));
        assertTrue(third.getString("notice").contains("paused"), third.getString("notice"));
        assertEquals("open", LlmCalls.llmHealth().getString("circuitBreaker"));
    }

    @Test
    void rewrites_a_follow_up_with_the_model_before_retrieval() {
        String rewritten = "How many deportations to China did U.S. Immigration and Customs Enforcement complete?";
        llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing("Reformulate"))
                .willReturn(llm.scripted(rewritten)));
        llm.replies("ICE completed just 288 deportations back to China {{288 deportations}}.");

        JsonPath answer = ask(Map.of("question", "And how many did it complete?", "history", List.of(
                Map.of("role", "user", "content", "What did ICE say about deportations to China?"),
                Map.of("role", "assistant", "content", "It said it completed few deportations [1]."))));

        assertEquals("And how many did it complete?", answer.getString("question"));
        assertEquals(rewritten, answer.getString("rewrittenQuestion"));
        String rewriteRequest = llm.findAll(postRequestedFor(urlEqualTo(llm.path())).withRequestBody(containing("Reformulate")))
                .get(0).getBodyAsString();
        assertTrue(rewriteRequest.contains("What did ICE say about deportations to China?"), rewriteRequest);
        String user = llm.lastAnswerRequest().path("messages").get(1).path("content").asText();
        assertTrue(user.endsWith("Question: " + rewritten), user);
        assertEquals(LlmStub.MODEL, answer.getString("mode"));
    }

    @Test
    void streams_verified_sentences_as_the_model_writes_then_the_full_answer() {
        llm.replies(TWO_FACTS);

        List<SseEvents.Event> events = LlmCalls.stream(Map.of("question", QUESTION));

        // the model was asked to stream
        assertTrue(llm.lastAnswerRequest().path("stream").asBoolean(), "stream requested");
        List<String> names = events.stream().map(SseEvents.Event::name).toList();
        assertEquals(List.of("token", "token", "done"), names, events.toString());
        assertEquals("ICE completed just 288 deportations back to China [1].",
                new JsonPath(events.get(0).data()).getString("text"));
        JsonPath done = new JsonPath(events.get(2).data());
        assertEquals(done.getString("answer"), LlmCalls.streamedText(events));
        assertEquals(LlmStub.MODEL, done.getString("mode"));
        assertTrue(done.getBoolean("citations[0].supported"));
        assertTrue(done.getBoolean("citations[1].supported"));
    }

    @Test
    void a_stream_that_breaks_off_is_withdrawn_and_replaced_by_the_extractive_answer() {
        String chunk = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}";
        llm.stubFor(llm.answerCall().willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("data: " + chunk.formatted("ICE completed just 288 deportations back to China [1]. ") + "\n\n"
                        + "data: " + chunk.formatted("Then") + "\n\n"
                        + "data: {\"choices\": [ this is not json\n\n")));

        List<SseEvents.Event> events = LlmCalls.stream(Map.of("question", QUESTION));

        List<String> names = events.stream().map(SseEvents.Event::name).toList();
        assertEquals("token", names.get(0), events.toString());
        assertEquals("reset", names.get(1), events.toString());
        assertEquals("done", names.get(names.size() - 1));
        JsonPath done = new JsonPath(events.get(events.size() - 1).data());
        assertEquals("extractive", done.getString("mode"));
        assertTrue(done.getString("notice").contains("could not answer"), done.getString("notice"));
        assertEquals(done.getString("answer"), LlmCalls.streamedText(events));
    }

    @Test
    void health_reports_the_model_and_its_server() {
        JsonPath llmCheck = LlmCalls.llmHealth();

        assertEquals("openai", llmCheck.getString("provider"));
        assertEquals(LlmStub.MODEL, llmCheck.getString("model"));
        assertEquals("true", llmCheck.getString("reachable"));
        assertTrue(llmCheck.getBoolean("modelListed"));
        assertEquals("closed", llmCheck.getString("circuitBreaker"));
    }
}
