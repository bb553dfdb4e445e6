package io.footnote.eval;

import io.footnote.config.FootnoteConfig;
import io.footnote.support.SeedCorpus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application's {@code eval} and {@code check} commands, run in-process with the configuration
 * Quarkus read (as {@link FootnoteCommand} runs them in command mode).
 */
@QuarkusTest
class EvalCliTest {

    @Inject
    FootnoteConfig config;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void given_a_jsonl_golden_set_when_evaluated_then_junit_xml_has_one_case_per_question_and_a_failed_gate_exits_1()
            throws Exception {
        Path questions = dir.resolve("golden.jsonl");
        Files.writeString(questions, String.join("\n",
                "{\"id\":\"ice\",\"question\":\"How many deportations to China did ICE complete?\",\"facts\":[[\"288\"]],"
                        + "\"support\":[{\"documentId\":\"" + SeedCorpus.DINAN + "\",\"text\":\"completed just 288 deportations\"}]}",
                "// a comment line",
                "{\"id\":\"who\",\"question\":\"Who is the Chinese Foreign Ministry spokeswoman?\",\"answers\":[\"Mao Ning\"],"
                        + "\"facts\":[[\"Mao Ning\"]]}",
                "{\"id\":\"moon\",\"question\":\"What is the boiling point of mercury on the Moon?\",\"answerable\":false}",
                ""));
        Path out1 = dir.resolve("run");

        int code = EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                questions.toString(), "--out", out1.toString()), out);

        assertEquals(0, code, printed.toString());
        var junit = xml(out1.resolve("junit.xml"));
        Element suite = junit.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        assertEquals(3, Integer.parseInt(suite.getAttribute("tests")));
        int failures = suite.getElementsByTagName("failure").getLength();
        assertEquals(failures, Integer.parseInt(suite.getAttribute("failures")));
        assertTrue(((Element) cases.item(0)).getAttribute("name").startsWith("ice: "));
        assertTrue(Files.exists(out1.resolve("report.json")) && Files.exists(out1.resolve("report.html")));

        int gated = EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                questions.toString(), "--out", out1.toString(), "--min", "answer.key_facts=1.01"), out);
        assertEquals(1, gated, printed.toString());
        assertTrue(printed.toString().contains("FAILED: answer.key_facts"));
    }

    @Test
    void given_the_oracle_option_when_evaluated_then_the_real_client_answers_what_the_extractive_answerer_declines()
            throws Exception {
        // given a question whose supporting sentence retrieval finds but scores too low for the extractive answerer
        Path questions = dir.resolve("oracle.jsonl");
        Files.writeString(questions, "{\"id\":\"mayorkas\",\"question\":\"What did he complain about to Mayorkas?\","
                + "\"facts\":[[\"drug source\"]],\"support\":[{\"documentId\":\"" + SeedCorpus.DINAN
                + "\",\"text\":\"complained to Mr. Mayorkas\"}]}\n");

        // when it is evaluated extractively, and then with the oracle behind the OpenAI-compatible client
        int extractive = EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                questions.toString(), "--out", dir.resolve("plain-run").toString(),
                "--min", "abstention.false_refusals=1.0"), out);
        int oracle = EvalCli.run(config, List.of("eval", "--corpus", SeedCorpus.FOLDER.toString(), "--questions",
                questions.toString(), "--out", dir.resolve("oracle-run").toString(), "--oracle", "true",
                "--min", "prompt.recall=1.0", "--min", "answer.cited_gold_supported=1.0"), out);

        // then the extractive answerer declined it, and the oracle's answer came back citing the sentence, checked
        assertEquals(0, extractive, "the extractive answerer declines this one: " + printed);
        assertEquals(0, oracle, printed.toString());
        assertTrue(printed.toString().contains("answerer=oracle"), printed.toString());
        String report = Files.readString(dir.resolve("oracle-run").resolve("report.json"));
        assertTrue(report.contains("major drug source country"), report);
    }

    @Test
    void given_answers_from_another_system_when_checked_then_the_unsupported_one_fails_in_junit_xml() throws Exception {
        String source = "U.S. Immigration and Customs Enforcement said it completed just 288 deportations back to China.";
        Path answers = dir.resolve("answers.jsonl");
        Files.writeString(answers, String.join("\n",
                "{\"id\":\"a1\",\"question\":\"How many?\",\"answer\":\"ICE completed 288 deportations to China [1].\","
                        + "\"sources\":[{\"id\":\"1\",\"text\":\"" + source + "\"}]}",
                "{\"id\":\"a2\",\"question\":\"How many?\",\"answer\":\"ICE completed 2,880 deportations to Mexico [1].\","
                        + "\"sources\":[{\"id\":\"1\",\"text\":\"" + source + "\"}]}"));
        Path junitFile = dir.resolve("check.xml");

        int code = EvalCli.run(config, List.of("check", "--answers", answers.toString(), "--junit", junitFile.toString()), out);

        assertEquals(1, code, printed.toString());
        Element suite = xml(junitFile).getDocumentElement();
        assertEquals(2, suite.getElementsByTagName("testcase").getLength());
        assertEquals(1, suite.getElementsByTagName("failure").getLength());
        Element failed = (Element) suite.getElementsByTagName("failure").item(0).getParentNode();
        assertTrue(failed.getAttribute("name").startsWith("a2"), failed.getAttribute("name"));

        assertEquals(0, EvalCli.run(config, List.of("check", "--answers", answers.toString(), "--junit",
                junitFile.toString(), "--min-passed", "0.5"), out));
    }

    @Test
    void given_no_questions_file_then_usage_and_exit_2() {
        assertEquals(2, EvalCli.run(config, List.of("eval", "--corpus", "docs-corpus"), out));
        assertTrue(printed.toString().contains("--questions"));
    }
}
