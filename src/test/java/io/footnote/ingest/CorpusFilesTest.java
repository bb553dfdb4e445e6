package io.footnote.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorpusFilesTest {

    @TempDir
    Path corpus;

    @Test
    void given_nested_folders_when_streamed_then_files_come_depth_first_by_name_without_hidden_ones() throws IOException {
        // given
        for (String f : List.of("b.txt", "a/z.txt", "a/c/d.txt", "a/b.txt", ".hidden.txt", ".upload/x.txt",
                "a/.tmp", "c.md")) {
            Files.createDirectories(corpus.resolve(f).getParent());
            Files.writeString(corpus.resolve(f), f);
        }

        // when
        List<String> streamed;
        try (Stream<Path> files = CorpusFiles.stream(corpus)) {
            streamed = files.map(p -> corpus.relativize(p).toString().replace('\\', '/')).toList();
        }

        // then
        assertEquals(List.of("a/b.txt", "a/c/d.txt", "a/z.txt", "b.txt", "c.md"), streamed);
        assertEquals(streamed.size(), CorpusFiles.count(corpus));
        assertEquals(streamed, CorpusFiles.list(corpus).stream()
                .map(p -> corpus.relativize(p).toString().replace('\\', '/')).toList());
    }

    @Test
    void given_no_folder_when_streamed_then_it_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> CorpusFiles.stream(corpus.resolve("missing")));
    }
}
