package io.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.support.ServiceProcess;
import io.footnote.support.SeedCorpus;
import io.footnote.support.StubbedProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar's {@code eval} command as a user runs it ({@code java -jar quarkus-run.jar eval …}, Quarkus
 * command mode), with the model configured by {@code -Dfootnote.llm.*} flags pointing at a WireMock stub: it asks
 * the model, exits 0, opens no HTTP port, and writes JUnit XML this test parses.
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
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dfootnote.llm.provider=openai", "-Dfootnote.llm.base-url=" + llm.baseUrl(),
                "-Dfootnote.llm.api-key=test-key", "-Dfootnote.llm.model=stub-model",
                "-jar", ServiceProcess.JAR.toString(), "eval", "--corpus", SeedCorpus.FOLDER.toString(),
                "--questions", questions.toString(), "--out", out.toString(), "--min", "answer.key_facts=1.0"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String printed = Files.readString(log);

        // then it ended with 0, the model answered, and no port was opened
        assertTrue(ended, "eval did not end: " + printed);
        assertEquals(0, p.exitValue(), printed);
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
}
