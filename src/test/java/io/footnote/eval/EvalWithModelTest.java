package io.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.footnote.config.FootnoteConfig;
import io.footnote.llm.JudgePrompt;
import io.footnote.support.InjectWireMock;
import io.footnote.support.LlmCalls;
import io.footnote.support.LlmProfiles;
import io.footnote.support.SeedCorpus;
import io.footnote.support.StubbedProvider;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code eval} command with a configured OpenAI-compatible provider (the {@code footnote.llm.*} settings of
 * {@link LlmProfiles.OpenAi}, pointing at a WireMock stub), run with the configuration Quarkus read, as
 * {@link FootnoteCommand} runs it from the packaged jar: the model is asked with the citation prompt, the figures
 * are computed from its answers, JUnit XML is written; and the optional judge grades the answers.
 */
@QuarkusTest
@TestProfile(LlmProfiles.OpenAi.class)
class EvalWithModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three answerable questions about the seed articles, with what the stubbed model answers to each. */
    static final String GOLDEN = String.join("\n",
            "{\"id\":\"ice\",\"question\":\"How many deportations to China did ICE complete?\",\"facts\":[[\"288\"]],"
                    + "\"support\":[{\"documentId\":\"" + SeedCorpus.DINAN + "\",\"text\":\"completed just 288 deportations\"}]}",
            "{\"id\":\"who\",\"question\":\"Who is the Chinese Foreign Ministry spokeswoman?\",\"answers\":[\"Mao Ning\"],"
                    + "\"facts\":[[\"Mao Ning\"]],\"support\":[{\"documentId\":\"" + SeedCorpus.MAO
                    + "\",\"text\":\"spokeswoman Mao Ning said\"}]}",
            "{\"id\":\"principle\",\"question\":\"What is China's principle regarding repatriation?\","
                    + "\"facts\":[[\"verify first\"]],\"support\":[{\"documentId\":\"" + SeedCorpus.MAO
                    + "\",\"text\":\"verify first and then repatriate\"}]}",
            "");
    static final Map<String, String> REPLIES = Map.of(
            "How many deportations", "ICE completed just 288 deportations back to China {{288 deportations}}.",
            "Who is the Chinese Foreign Ministry spokeswoman", "The spokeswoman is Mao Ning {{spokeswoman Mao Ning}}.",
            "What is China's principle", "China's principle is to verify first and then repatriate {{verify first}}.");

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
        REPLIES.forEach((question, reply) -> llm.stubFor(llm.answerCall().withRequestBody(containing(question))
                .willReturn(llm.scripted(reply))));
    }

    private Path golden() throws Exception {
        Path questions = dir.resolve("golden.jsonl");
        Files.writeString(questions, GOLDEN);
        return questions;
    }

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Map<String, String> properties(Element suite) {
        Map<String, String> p = new HashMap<>();
        NodeList nodes = suite.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            p.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        return p;
    }

    @Test
    void given_a_configured_model_when_evaluated_then_it_answers_every_question_and_the_figures_come_from_its_answers()
            throws Exception {
        // given a golden set and a stubbed model answering each question from its source
        Path questions = golden();
        Path run = dir.resolve("run");

        // when the eval command runs with the configured provider, the judge off (the default)
        int code = EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                questions.toString(), "--out", run.toString(), "--min", "answer.key_facts=1.0"), out);

        // then the model was asked each question with the citation prompt holding its supporting sentence
        assertEquals(0, code, printed.toString());
        List<LoggedRequest> asked = llm.answerRequests();
        assertEquals(3, asked.size(), printed.toString());
        String iceUser = asked.stream().map(r -> LlmCalls.json(r).path("messages").get(1).path("content").asText())
                .filter(u -> u.contains("How many deportations")).findFirst().orElseThrow();
        LlmCalls.assertFenced(iceUser, "How many deportations to China did ICE complete?");
        assertTrue(iceUser.contains("completed just 288 deportations back to China"), iceUser);
        llm.verify(0, postRequestedFor(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER)));

        // and the figures are the model's: every answer states its fact and cites its gold sentence
        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        JsonNode summary = report.path("summary");
        assertEquals("openai", summary.path("settings").path("answerer").asText());
        assertEquals(1.0, summary.path("metrics").path("answer.key_facts").asDouble(), 1e-9);
        assertEquals(1.0, summary.path("metrics").path("citation.first_holds_answer").asDouble(), 1e-9);
        assertFalse(summary.path("metrics").has("judge.accuracy"));
        for (JsonNode q : report.path("questions")) {
            String reply = REPLIES.entrySet().stream().filter(e -> q.path("question").asText().startsWith(e.getKey()))
                    .findFirst().orElseThrow().getValue();
            String written = reply.substring(0, reply.indexOf(" {{"));
            assertTrue(q.path("answer").asText().startsWith(written), "the model's answer, not a fallback: " + q);
        }
        assertFalse(report.has("judge"));

        // and the JUnit XML lists one passing case per question, with the run's metrics as properties
        Element suite = xml(run.resolve("junit.xml")).getDocumentElement();
        assertEquals(3, suite.getElementsByTagName("testcase").getLength());
        assertEquals(0, suite.getElementsByTagName("failure").getLength(), Files.readString(run.resolve("junit.xml")));
        assertEquals(1.0, Double.parseDouble(properties(suite).get("answer.key_facts")), 1e-9);
    }

    @Test
    void given_the_judge_when_evaluated_then_its_verdicts_give_judge_accuracy_and_a_failed_call_is_not_counted_wrong()
            throws Exception {
        // given a judge that finds the first answer correct (JSON), the second wrong (plain "No"), and fails on
        // the third (HTTP 500)
        Path questions = golden();
        Path run = dir.resolve("judged");
        llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER))
                .withRequestBody(containing("deportations"))
                .willReturn(llm.scripted("{\"correct\": true, \"reason\": \"it states 288\"}")));
        llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER))
                .withRequestBody(containing("spokeswoman"))
                .willReturn(llm.scripted("No. The references name someone else.")));
        llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER))
                .withRequestBody(containing("principle"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}")));

        // when
        int code = EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                questions.toString(), "--out", run.toString(), "--judge", "true"), out);

        // then the judge was asked once per answer, with the question, references and answer
        assertEquals(0, code, printed.toString());
        List<LoggedRequest> judged = llm.findAll(postRequestedFor(urlEqualTo(llm.path()))
                .withRequestBody(containing(JudgePrompt.HEADER)));
        assertTrue(judged.size() >= 3, "one judge call per answer: " + judged.size());
        String iceJudge = judged.stream().map(r -> LlmCalls.json(r).path("messages").get(1).path("content").asText())
                .filter(u -> u.contains("deportations")).findFirst().orElseThrow();
        assertTrue(iceJudge.contains("must state: 288") && iceJudge.contains("ICE completed just 288"), iceJudge);

        // and one of the two graded answers is correct; the failed call is unavailable, not wrong
        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        JsonNode metrics = report.path("summary").path("metrics");
        assertEquals(0.5, metrics.path("judge.accuracy").asDouble(), 1e-9, metrics.toString());
        assertEquals(1 / 3.0, metrics.path("judge.unavailable").asDouble(), 1e-9, metrics.toString());
        assertEquals("CORRECT", report.path("judge").path("ice").path("verdict").asText());
        assertEquals("WRONG", report.path("judge").path("who").path("verdict").asText());
        assertEquals("UNAVAILABLE", report.path("judge").path("principle").path("verdict").asText());
        assertTrue(Files.readString(run.resolve("report.html")).contains("judge.accuracy"));

        // and the JUnit XML carries judge accuracy and each verdict
        Element suite = xml(run.resolve("junit.xml")).getDocumentElement();
        assertEquals(0.5, Double.parseDouble(properties(suite).get("judge.accuracy")), 1e-9);
        NodeList outs = suite.getElementsByTagName("system-out");
        assertEquals(3, outs.getLength());
        assertTrue(outs.item(0).getTextContent().startsWith("judge: correct"), outs.item(0).getTextContent());
        assertTrue(outs.item(1).getTextContent().startsWith("judge: wrong"), outs.item(1).getTextContent());
        assertTrue(outs.item(2).getTextContent().startsWith("judge: unavailable"), outs.item(2).getTextContent());
    }

    @Test
    void given_the_judge_without_a_model_to_ask_when_the_oracle_answers_then_usage_error() throws Exception {
        int code = EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                golden().toString(), "--out", dir.resolve("x").toString(), "--judge", "true", "--oracle", "true"), out);

        assertEquals(2, code, printed.toString());
        assertTrue(printed.toString().contains("--judge true needs a configured model"), printed.toString());
    }
}
