package io.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.footnote.config.FootnoteConfig;
import io.footnote.llm.JudgePrompt;
import io.footnote.support.InjectWireMock;
import io.footnote.support.LlmProfiles;
import io.footnote.support.SeedCorpus;
import io.footnote.support.StubbedProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation's LLM judge ({@code eval --judge true}) against a flaky provider: its calls go through the same
 * retries and circuit breaker as answer calls, under a breaker of their own. A judge call that fails once with
 * 503 is retried and its verdict counts; a judge that keeps failing gives "unavailable" verdicts, stops being
 * called once its breaker opens, and the run still completes with the exit code its gates give.
 */
@QuarkusTest
@TestProfile(LlmProfiles.OpenAi.class)
class JudgeRetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNAVAILABLE_BODY = "{\"error\":{\"message\":\"service unavailable\"}}";

    @InjectWireMock
    StubbedProvider llm;

    @Inject
    FootnoteConfig config;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void reset() {
        llm.reset();
        EvalWithModelTest.REPLIES.forEach((question, reply) -> llm.stubFor(llm.answerCall()
                .withRequestBody(containing(question)).willReturn(llm.scripted(reply))));
    }

    private int evaluateWithJudge(Path run) throws Exception {
        Path questions = dir.resolve("golden.jsonl");
        Files.writeString(questions, EvalWithModelTest.GOLDEN);
        return EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                questions.toString(), "--out", run.toString(), "--judge", "true",
                "--min", "answer.key_facts=1.0"), out);
    }

    private int judgeCalls() {
        return llm.findAll(postRequestedFor(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER)))
                .size();
    }

    private static double retriesSoFar() {
        Counter c = Metrics.globalRegistry.find("footnote.model.retries").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void given_a_provider_that_fails_each_judge_call_once_with_503_when_judged_then_the_retry_gives_the_verdict()
            throws Exception {
        // given a judge whose first attempt at each question gets 503, the second a verdict
        Map<String, String> topics = Map.of("ice", "deportations", "who", "spokeswoman", "principle", "principle");
        topics.forEach((id, topic) -> {
            llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER))
                    .withRequestBody(containing(topic)).inScenario(id).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503).withBody(UNAVAILABLE_BODY)).willSetStateTo("up"));
            llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER))
                    .withRequestBody(containing(topic)).inScenario(id).whenScenarioStateIs("up")
                    .willReturn(llm.scripted("{\"correct\": true, \"reason\": \"states the " + topic + " fact\"}")));
        });
        double retriesBefore = retriesSoFar();

        // when
        int code = evaluateWithJudge(dir.resolve("flaky"));

        // then each judge call was made twice, the retry counted, and every verdict is the judge's
        assertEquals(0, code, printed.toString());
        assertEquals(2 * topics.size(), judgeCalls(), printed.toString());
        assertEquals(topics.size(), retriesSoFar() - retriesBefore, 1e-9, "one retry per judge call");
        JsonNode report = JSON.readTree(dir.resolve("flaky/report.json").toFile());
        JsonNode metrics = report.path("summary").path("metrics");
        assertEquals(0.0, metrics.path("judge.unavailable").asDouble(), 1e-9, metrics.toString());
        assertEquals(1.0, metrics.path("judge.accuracy").asDouble(), 1e-9, metrics.toString());
        for (String id : topics.keySet()) {
            assertEquals("CORRECT", report.path("judge").path(id).path("verdict").asText(), report.path("judge").toString());
        }
    }

    @Test
    void given_a_provider_that_keeps_failing_judge_calls_when_judged_then_verdicts_are_unavailable_and_the_run_completes()
            throws Exception {
        // given a provider that answers the questions but fails every judge call with 503
        llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER))
                .willReturn(aResponse().withStatus(503).withBody(UNAVAILABLE_BODY)));

        // when
        int code = evaluateWithJudge(dir.resolve("down"));

        // then the run completes and exits 0: the answers pass their gate, and the judge changes no verdict of it
        assertEquals(0, code, printed.toString());
        assertEquals(3, llm.answerRequests().size(), "the judge's breaker does not pause answering");

        // and the judge was retried, then its breaker opened and nothing more was sent: every attempt (retries
        // included) counts in the breaker's window, so it opens after request-volume failed attempts, well short
        // of every question's every attempt
        int calls = judgeCalls();
        assertEquals(config.llm().circuitBreaker().requestVolume(), calls, printed.toString());
        assertTrue(calls > config.llm().maxRetries() + 1 && calls < 3 * (config.llm().maxRetries() + 1),
                "retried, then stopped early: " + calls);

        // and every verdict is unavailable, never wrong; the last ones say the judge is paused
        JsonNode report = JSON.readTree(dir.resolve("down/report.json").toFile());
        JsonNode metrics = report.path("summary").path("metrics");
        assertEquals(1.0, metrics.path("judge.unavailable").asDouble(), 1e-9, metrics.toString());
        assertEquals(1.0, metrics.path("answer.key_facts").asDouble(), 1e-9, metrics.toString());
        JsonNode verdicts = report.path("judge");
        assertEquals(3, verdicts.size(), verdicts.toString());
        verdicts.forEach(v -> assertEquals("UNAVAILABLE", v.path("verdict").asText(), verdicts.toString()));
        assertTrue(verdicts.path("ice").path("reason").asText().contains("server error"), verdicts.toString());
        assertTrue(verdicts.path("principle").path("reason").asText().contains("paused"), verdicts.toString());

        // and the JUnit XML lists three passing cases, each noting the judge was unavailable
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("down/junit.xml").toFile()).getDocumentElement();
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
        NodeList outs = suite.getElementsByTagName("system-out");
        assertEquals(3, outs.getLength());
        for (int i = 0; i < outs.getLength(); i++) {
            assertTrue(outs.item(i).getTextContent().startsWith("judge: unavailable"), outs.item(i).getTextContent());
        }
    }
}
