package io.footnote.support;

import static io.restassured.RestAssured.given;

/** Waits until the service under test is ready and its start-up sync is done (both run in the background). */
public final class Ready {

    private Ready() {
    }

    public static void awaitIndex() {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            var ready = given().get("/q/health/ready");
            // Up comes before the start-up sync ends (the service answers from what is committed meanwhile);
            // the tests want the whole seed corpus, so they wait for the sync too.
            if (ready.statusCode() == 200 && !ready.asString().matches("(?s).*\"syncing\"\\s*:\\s*true.*")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("index not ready after 180 s: " + given().get("/q/health/ready").asString());
    }
}
