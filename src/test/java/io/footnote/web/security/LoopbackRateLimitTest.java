package io.footnote.web.security;

import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small limit (burst 3) with {@code footnote.rate-limit.loopback} at its default: the tests reach the
 * service over loopback, like a user's script on their own machine, and are never throttled.
 */
@QuarkusTest
@TestProfile(SecurityProfiles.SmallRateLimitLoopbackFree.class)
class LoopbackRateLimitTest {

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void a_local_client_far_over_the_allowance_is_never_refused() {
        // given a burst of 3 and a steady one a second
        List<Integer> statuses = new ArrayList<>();
        // when a local script sends four times the burst at once
        for (int i = 0; i < 12; i++) {
            statuses.add(given().get("/api/documents").statusCode());
        }
        // then every request is served
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200), statuses);
    }
}
