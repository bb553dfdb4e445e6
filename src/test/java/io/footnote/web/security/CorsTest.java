package io.footnote.web.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestProfile(SecurityProfiles.Cors.class)
class CorsTest {

    @Test
    void a_configured_origin_is_granted_and_others_are_not() {
        given().header("Origin", SecurityProfiles.Cors.ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/api/ask").then()
                .header("Access-Control-Allow-Origin", equalTo(SecurityProfiles.Cors.ORIGIN));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/ask").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
