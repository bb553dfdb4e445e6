package io.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.llm.JudgePrompt;
import io.footnote.support.ServiceProcess;
import io.footnote.support.SeedCorpus;
import io.footnote.support.StubbedProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar's commands as a user runs them ({@code java -jar quarkus-run.jar eval|check …}, Quarkus command
 * mode): {@code eval}, with the model configured by {@code -Dfootnote.llm.*} flags pointing at a WireMock stub, asks
 * the model, exits 0, opens no HTTP port, and writes JUnit XML this test parses; {@code check} verifies a file of
 * answers written by another system and fails the one whose claim its source does not support; with
 * {@code --judge true} the same model grades each answer.
 */
class EvalCommandIT {

    private final StubbedProvider llm = StubbedProvider.standalone("openai");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        llm.stop();
    }

    @Test
    void the_packaged_eval_command_asks_the_configured_model_and_writes_junit_xml() throws Exception {
        // given a stubbed OpenAI-compatible model and a one-question golden set
        llm.stubFor(llm.answerCall().withRequestBody(containing("How many deportations"))
                .willReturn(llm.scripted("ICE completed just 288 deportations back to China {{288 deportations}}.")));
        Path questions = dir.resolve("golden.jsonl");
        Files.writeString(questions, "{\"id\":\"ice\",\"question\":\"How many deportations to China did ICE complete?\","
                + "\"facts\":[[\"288\"]],\"support\":[{\"documentId\":\"" + SeedCorpus.DINAN
                + "\",\"text\":\"completed just 288 deportations\"}]}\n");
        Path out = dir.resolve("run");
        Path log = dir.resolve("eval.log");

        // when the packaged jar runs eval with the model set by -D flags
        Run run = runJar(log, List.of("-Dfootnote.llm.provider=openai", "-Dfootnote.llm.base-url=" + llm.baseUrl(),
                        "-Dfootnote.llm.api-key=test-key", "-Dfootnote.llm.model=stub-model"),
                List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions", questions.toString(),
                        "--out", out.toString(), "--min", "answer.key_facts=1.0"));
        String printed = run.printed();

        // then it ended with 0, the model answered, and no port was opened
        assertEquals(0, run.exit(), printed);
        assertEquals(1, llm.answerRequests().size(), printed);
        assertFalse(printed.matches("(?s).*Listening on: https?://.*"), printed);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("openai", report.path("summary").path("settings").path("answerer").asText());
        assertTrue(report.path("questions").get(0).path("answer").asText().startsWith("ICE completed just 288"));

        // and its JUnit XML has the one passing case and the run's metrics
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile())
                .getDocumentElement();
        assertEquals(1, suite.getElementsByTagName("testcase").getLength());
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
        assertTrue(suite.getElementsByTagName("property").getLength() > 5);
    }

    @Test
    void the_packaged_eval_command_with_the_judge_grades_each_answer_with_the_configured_model() throws Exception {
        // given a stubbed OpenAI-compatible model that answers the question and, asked to grade, finds it correct
        llm.stubFor(llm.answerCall().withRequestBody(containing("How many deportations"))
                .willReturn(llm.scripted("ICE completed just 288 deportations back to China {{288 deportations}}.")));
        llm.stubFor(post(urlEqualTo(llm.path())).withRequestBody(containing(JudgePrompt.HEADER))
                .willReturn(llm.scripted("{\"correct\": true, \"reason\": \"it states 288\"}")));
        Path questions = dir.resolve("golden.jsonl");
        Files.writeString(questions, "{\"id\":\"ice\",\"question\":\"How many deportations to China did ICE complete?\","
                + "\"answers\":[\"288\"],\"facts\":[[\"288\"]]}\n");
        Path out = dir.resolve("judged");

        // when the packaged jar runs eval with --judge true and the model set by -D flags
        Run run = runJar(dir.resolve("judge.log"), List.of("-Dfootnote.llm.provider=openai",
                        "-Dfootnote.llm.base-url=" + llm.baseUrl(), "-Dfootnote.llm.api-key=test-key",
                        "-Dfootnote.llm.model=stub-model"),
                List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions", questions.toString(),
                        "--out", out.toString(), "--judge", "true", "--min", "judge.accuracy=1.0"));
        String printed = run.printed();

        // then the model was asked to grade the answer once, its verdict is in the report, and the gate on it held
        assertEquals(0, run.exit(), printed);
        assertEquals(1, llm.findAll(postRequestedFor(urlEqualTo(llm.path()))
                .withRequestBody(containing(JudgePrompt.HEADER))).size(), printed);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("CORRECT", report.path("judge").path("ice").path("verdict").asText(), report.toString());
        assertEquals(1.0, report.path("summary").path("metrics").path("judge.accuracy").asDouble(), 1e-9);
        // and the JUnit XML's test case carries the verdict
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile())
                .getDocumentElement();
        String said = suite.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(said.contains("judge: correct (it states 288)"), said);
    }

    @Test
    void the_packaged_check_command_fails_the_unsupported_answer_and_writes_junit_xml() throws Exception {
        // given a file of answers another system wrote: a1's claim is its source's, a2's claim is not
        Path answers = Path.of("src/test/resources/eval/check-answers.jsonl");
        Path out = dir.resolve("check");

        // when the packaged jar checks it (no model configured: check needs none), with the default gate
        Run run = runJar(dir.resolve("check.log"), List.of(),
                List.of("check", "--answers", answers.toString(), "--out", out.toString()));
        String printed = run.printed();

        // then it exits 1, since a2 fails and the default --min-passed is 1.0; it printed a verdict per answer,
        // and opened no port
        assertEquals(1, run.exit(), printed);
        assertTrue(printed.contains("PASS a1: 1 claims, 0 unsupported"), printed);
        assertTrue(printed.contains("FAIL a2: 1 claims, 1 unsupported"), printed);
        assertTrue(printed.contains("1 of 2 answers fully supported (0.500; gate 1.000)"), printed);
        assertFalse(printed.matches("(?s).*Listening on: https?://.*"), printed);

        // and its JUnit XML (under --out) lists both answers: a1 passes, a2 fails naming its unsupported claim
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile())
                .getDocumentElement();
        assertEquals("footnote.check.check-answers.jsonl", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element supported = (Element) cases.item(0);
        Element unsupported = (Element) cases.item(1);
        assertEquals("a1: How many deportations to China did ICE complete?", supported.getAttribute("name"));
        assertEquals(0, supported.getElementsByTagName("failure").getLength());
        assertTrue(unsupported.getAttribute("name").startsWith("a2: "), unsupported.getAttribute("name"));
        assertEquals(1, unsupported.getElementsByTagName("failure").getLength());
        String why = ((Element) unsupported.getElementsByTagName("failure").item(0)).getAttribute("message");
        assertTrue(why.startsWith("unsupported: ") && why.contains("2,880 deportations to Mexico"), why);
    }

    /** What a run of the packaged jar printed (stdout and stderr) and its exit code. */
    private record Run(int exit, String printed) {
    }

    /** Runs {@code java JVM_FLAGS -jar quarkus-run.jar ARGS}, its output into {@code log}; fails after 5 minutes. */
    private static Run runJar(Path log, List<String> jvmFlags, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", ServiceProcess.JAR.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String printed = Files.readString(log);
        assertTrue(ended, String.join(" ", args) + " did not end: " + printed);
        return new Run(p.exitValue(), printed);
    }
}
