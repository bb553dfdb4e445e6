package io.footnote.web.security;

import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Burst 3, then one request a second, per client. */
@QuarkusTest
@TestProfile(SecurityProfiles.SmallRateLimit.class)
class RateLimitTest {

    @BeforeEach
    void indexLoaded() throws InterruptedException {
        Ready.awaitIndex();
        Thread.sleep(3_100); // whatever earlier tests spent has refilled
    }

    @Test
    void a_client_over_its_allowance_gets_429_with_retry_after() {
        String key = "Bearer " + SecurityProfiles.QuestionKeys.FIRST;
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 6; i++) {
            Response r = given().header("Authorization", key).get("/api/documents");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429 && refused == null) {
                refused = r;
            }
        }
        assertEquals(200, statuses.get(0), statuses.toString());
        assertTrue(refused != null, "no request was limited: " + statuses);
        assertEquals("application/problem+json", refused.contentType());
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        refused.then().body("detail", containsString("60 requests a minute"));
    }

    @Test
    void clients_are_limited_separately() throws InterruptedException {
        // Until refused: on a loaded machine a request can take longer than the one-a-second refill, so a fixed
        // count of requests is not sure to exhaust the allowance.
        int status = 200;
        for (int i = 0; i < 20 && status != 429; i++) {
            status = given().header("Authorization", "Bearer " + SecurityProfiles.QuestionKeys.FIRST)
                    .get("/api/documents").statusCode();
        }
        assertEquals(429, status);
        // Unauthenticated requests from this address have their own allowance: refused for the key, not the rate.
        given().get("/api/documents").then().statusCode(401);
        Thread.sleep(1_100);
        given().header("Authorization", "Bearer " + SecurityProfiles.QuestionKeys.FIRST).get("/api/documents")
                .then().statusCode(200);
    }
}
