package io.footnote.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two seed articles shipped in {@code docs-corpus/}, read from the project folder. */
public final class SeedCorpus {

    public static final Path FOLDER = Path.of("docs-corpus");
    public static final String MAO = "000_82ae95fbb479be6d";
    public static final String DINAN = "001_6e42664aacee9aa1";

    private SeedCorpus() {
    }

    public static String raw(String id) {
        try {
            return Files.readString(FOLDER.resolve(id + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
