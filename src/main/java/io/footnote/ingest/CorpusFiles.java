package io.footnote.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a corpus folder that a full pass reads. */
final class CorpusFiles {

    private CorpusFiles() {
    }

    /** Files of the corpus folder, recursively, in path order; hidden files and folders are left out. */
    static List<Path> list(Path corpus) {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("Corpus folder " + corpus.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(corpus.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hidden: any part of the path starts with '.' (uploads are written under such a name, then renamed). */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
