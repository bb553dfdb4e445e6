package io.footnote.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The question files {@code eval} accepts: JSON Lines, the JSON golden set and SQuAD, told apart by content. */
class QuestionFilesTest {

    @TempDir
    Path dir;

    @Test
    void given_jsonl_then_each_line_is_a_case_answerable_unless_it_says_otherwise() throws Exception {
        Path f = dir.resolve("set.jsonl");
        Files.writeString(f, """
                {"id":"a","question":"Who?","facts":[["Mao Ning"]],"support":[{"documentId":"d","text":"Mao Ning said"}]}

                // skipped
                {"question":"Where?","answerable":false,"history":[{"role":"user","content":"Who?"}]}
                """);

        EvalDataset d = EvalCli.load(f, 0);

        assertEquals("set", d.name());
        assertEquals(2, d.cases().size());
        assertTrue(d.cases().get(0).answerable());
        assertEquals(List.of(List.of("Mao Ning")), d.cases().get(0).facts());
        assertFalse(d.cases().get(1).answerable());
        assertEquals("line-4", d.cases().get(1).id());
        assertEquals("user", d.cases().get(1).history().getFirst().role());
    }

    @Test
    void given_an_unknown_field_then_the_error_names_the_line() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"question\":\"Who?\"}\n{\"question\":\"Who?\",\"fact\":[\"x\"]}\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalCli.load(f, 0));

        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("fact"), e.getMessage());
    }

    @Test
    void given_a_squad_file_then_its_paragraphs_become_the_corpus() throws Exception {
        Path f = dir.resolve("mini-squad.json");
        Files.writeString(f, """
                {"version":"1.1","data":[{"title":"Moon","paragraphs":[{"context":"The Moon orbits Earth. It is bright.",
                 "qas":[{"id":"q1","question":"What orbits Earth?","answers":[{"answer_start":0,"text":"The Moon"}]}]}]}]}
                """);

        EvalDataset d = EvalCli.load(f, 0);

        assertEquals(1, d.cases().size());
        assertFalse(d.files().isEmpty());
        assertEquals(List.of("The Moon"), d.cases().getFirst().answers());
    }
}
