package io.footnote.web.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Test profiles for the access settings; each starts its own instance of the service. */
public final class SecurityProfiles {

    private SecurityProfiles() {
    }

    /** No admin key at all (an empty value unsets the test profile's key). */
    public static final class NoAdminKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footnote.admin.api-key", "");
        }
    }

    /** Question endpoints need one of two keys. */
    public static final class QuestionKeys implements QuarkusTestProfile {
        public static final String FIRST = "reader-key-one";
        public static final String SECOND = "reader-key-two";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footnote.api-keys", FIRST + "," + SECOND);
        }
    }

    /** A rate limit small enough to reach in a test: 3 at once, then one a second. */
    public static final class SmallRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footnote.rate-limit.requests-per-minute", "60", "footnote.rate-limit.burst", "3",
                    "footnote.rate-limit.loopback", "true", "footnote.api-keys", QuestionKeys.FIRST);
        }
    }

    /** The same small limit, with loopback clients left alone (the default). */
    public static final class SmallRateLimitLoopbackFree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footnote.rate-limit.requests-per-minute", "60", "footnote.rate-limit.burst", "3");
        }
    }

    /** CORS on for one origin. */
    public static final class Cors implements QuarkusTestProfile {
        static final String ORIGIN = "https://app.example";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", ORIGIN);
        }
    }
}
