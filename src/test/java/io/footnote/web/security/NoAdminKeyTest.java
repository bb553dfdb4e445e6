package io.footnote.web.security;

import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@TestProfile(SecurityProfiles.NoAdminKey.class)
class NoAdminKeyTest {

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void admin_endpoints_are_refused_and_say_how_to_configure_a_key_when_none_is_set() {
        given().post("/api/reindex").then().statusCode(403).contentType("application/problem+json")
                .body("detail", allOf(containsString("footnote.admin.api-key"),
                        containsString("FOOTNOTE_ADMIN_API_KEY"), containsString("Authorization: Bearer")));
        // Any key at all is refused too: there is none to match.
        given().header("Authorization", "Bearer guess").get("/api/ingest/status").then().statusCode(403);
        given().get("/api/documents").then().statusCode(200);
    }
}
