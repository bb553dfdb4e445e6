package io.footnote.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SquadLoaderTest {

    @Test
    void article_becomes_one_file_and_answer_offsets_point_into_it(@TempDir Path tmp) throws IOException {
        // given a v2.0-style file with one answerable and one impossible question
        Path file = tmp.resolve("mini.json");
        Files.writeString(file, """
                {"data":[{"title":"Super_Bowl_50","paragraphs":[
                  {"context":"Super Bowl 50 was a game. The Broncos won it.","qas":[
                    {"id":"q1","question":"Who won?","answers":[{"answer_start":30,"text":"Broncos"}],"is_impossible":false},
                    {"id":"q2","question":"Who lost in 1990?","answers":[],"is_impossible":true}]}]}]}
                """);

        // when
        EvalDataset d = SquadLoader.load(file, 0, 1);

        // then
        String text = d.files().get("000_Super_Bowl_50.txt");
        assertTrue(text.startsWith("Super Bowl 50\n\n"));
        EvalCase q1 = d.cases().get(0);
        int offset = q1.support().get(0).offset();
        assertEquals("Broncos", text.substring(offset, offset + 7));
        assertTrue(q1.answerable());
        assertFalse(d.cases().get(1).answerable());
        assertEquals("000_super_bowl_50", q1.support().get(0).documentId());
    }

    @Test
    void given_headlines_off_when_loaded_then_each_file_opens_with_its_first_paragraph_and_offsets_still_hold(
            @TempDir Path tmp) throws IOException {
        // given two paragraphs
        Path file = tmp.resolve("mini.json");
        Files.writeString(file, """
                {"data":[{"title":"Super_Bowl_50","paragraphs":[
                  {"context":"Super Bowl 50 was a game.","qas":[]},
                  {"context":"The Broncos won it.","qas":[
                    {"id":"q1","question":"Who won?","answers":[{"answer_start":4,"text":"Broncos"}]}]}]}]}
                """);

        // when loaded without headlines
        EvalDataset d = SquadLoader.load(file, 0, 1, false);

        // then the title line is gone, the answer offset still points at the answer, and the name says so
        String text = d.files().get("000_Super_Bowl_50.txt");
        assertEquals("Super Bowl 50 was a game.\n\nThe Broncos won it.", text);
        int offset = d.cases().get(0).support().get(0).offset();
        assertEquals("Broncos", text.substring(offset, offset + 7));
        assertEquals("mini-no-headlines.json", d.name());
        assertEquals("mini.json", SquadLoader.load(file, 0, 1).name());
    }
}
