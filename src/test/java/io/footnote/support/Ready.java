package io.footnote.support;

import static io.restassured.RestAssured.given;

/** Waits until the service under test reports ready (the index loads in the background). */
public final class Ready {

    private Ready() {
    }

    public static void awaitIndex() {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
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
