package io.footnote.support;

import static io.restassured.RestAssured.given;

/**
 * Waits until the service under test is ready, its start-up sync is done and, with a language model configured,
 * its start-up check of the model server has returned (all run in the background).
 */
public final class Ready {

    private Ready() {
    }

    public static void awaitIndex() {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            var ready = given().get("/q/health/ready");
            // Up comes before the start-up sync ends (the service answers from what is committed meanwhile);
            // the tests want the whole seed corpus, so they wait for the sync too.
            // The model server check runs after the sync; a test that resets its stubbed server before that check
            // returns would make the check fail, so the tests wait until it has an outcome.
            String body = ready.asString();
            if (ready.statusCode() == 200 && !body.matches("(?s).*\"syncing\"\\s*:\\s*true.*")
                    && !body.matches("(?s).*\"reachable\"\\s*:\\s*\"unknown\".*")) {
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
