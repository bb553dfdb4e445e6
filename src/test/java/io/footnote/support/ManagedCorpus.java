package io.footnote.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A corpus folder and index of their own (a copy of the seed articles under {@code target/}), for tests that
 * add and delete documents, so the other test classes keep seeing the seed corpus. Rescans every second and
 * refuses files over 100 KB, so those behaviours are quick to observe.
 */
public class ManagedCorpus implements QuarkusTestResourceLifecycleManager {

    public static final Path FOLDER = Path.of("target/managed-corpus");
    public static final Path DATA = Path.of("target/managed-data");
    public static final int MAX_FILE_BYTES = 100 * 1024;

    @Override
    public Map<String, String> start() {
        try {
            Folders.deleteRecursively(FOLDER);
            Folders.deleteRecursively(DATA);
            Files.createDirectories(FOLDER);
            try (Stream<Path> seed = Files.list(SeedCorpus.FOLDER)) {
                for (Path p : seed.toList()) {
                    Files.copy(p, FOLDER.resolve(p.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("footnote.corpus.path", FOLDER.toString(), "footnote.data.path", DATA.toString(),
                "footnote.ingest.scan-interval", "1s", "footnote.ingest.max-file-size", String.valueOf(MAX_FILE_BYTES));
    }

    @Override
    public void stop() {
    }
}
