package io.footnote.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service stopped while it is still starting (loading the embedding model into the native ONNX runtime) waits
 * for start-up to leave native code and closes what it opened: a JVM that exits under a session being created
 * crashes (a test JVM did, in CI).
 */
class ServiceLifecycleStopTest {

    @TempDir
    Path dir;

    @Test
    void stopping_during_start_up_waits_for_start_up_to_end() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            // given a service starting up on an empty corpus
            Path corpus = dir.resolve("corpus-" + round);
            java.nio.file.Files.createDirectories(corpus);
            ServiceLifecycle lifecycle = new ServiceLifecycle(PipelineBackendTest.config(Map.of("footnote.corpus.path", corpus.toString(),
                    "footnote.data.path", dir.resolve("data-" + round).toString())), true);
            lifecycle.onStart(null);

            // when it is stopped at a random moment of its start-up
            Thread.sleep(random.nextInt(1500));
            lifecycle.onStop(null);

            // then no start-up code is left running
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("footnote-start") && t.isAlive()), "seed " + seed);
        }
    }
}
