package io.footnote.app;

import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A serve-only replica ({@code footnote.ingest.sync=false}) opens an index and answers from what it holds; it
 * never reads the corpus folder, at start-up or on a rescan.
 */
@QuarkusTest
@TestProfile(ServeOnlyTest.ServeOnly.class)
class ServeOnlyTest {

    /** An empty index of its own, the seed corpus beside it, and a rescan every 200 ms that must not happen. */
    public static final class ServeOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("footnote.ingest.sync", "false",
                        "footnote.ingest.scan-interval", "200ms",
                        "footnote.data.path", Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp")),
                                "footnote-serve-only").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void a_serve_only_instance_is_ready_at_once_and_never_indexes_the_folder() throws InterruptedException {
        // given a corpus folder with articles and an empty index, sync off
        // when the service starts and several rescan intervals pass
        Ready.awaitIndex();
        Thread.sleep(1_000);

        // then it is ready, not syncing, and its index still holds nothing from the folder
        given().get("/q/health/ready").then().statusCode(200);
        String total = given().get("/api/documents").then().statusCode(200).extract().header("X-Total-Count");
        assertEquals("0", total);
    }
}
