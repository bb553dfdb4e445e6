package io.footnote.llm;

import io.footnote.config.FootnoteConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Runs in the Quarkus test application, which provides SmallRye Fault Tolerance's implementation of Guard. */
@QuarkusTest
class GuardedModelCallsMetricsTest {

    /** Two retries 1 ms apart; a breaker that needs 100 calls before it judges. */
    private static FootnoteConfig.Llm config() {
        return new FootnoteConfig.Llm() {
            public LlmProvider provider() { return LlmProvider.values()[0]; }
            public Optional<String> baseUrl() { return Optional.empty(); }
            public Optional<String> apiKey() { return Optional.empty(); }
            public Optional<String> model() { return Optional.empty(); }
            public double temperature() { return 0; }
            public Duration timeout() { return Duration.ofSeconds(5); }
            public int maxTokens() { return 100; }
            public int maxRetries() { return 2; }
            public Duration retryDelay() { return Duration.ofMillis(1); }
            public int maxSources() { return 8; }
            public double minSourceScore() { return 0; }
            public int promptTokens() { return 2500; }
            public int promptChunks() { return 16; }
            public int promptTopK() { return 24; }
            public boolean rewriteFollowUps() { return false; }
            public CircuitBreaker circuitBreaker() {
                return new CircuitBreaker() {
                    public int requestVolume() { return 100; }
                    public double failureRatio() { return 0.9; }
                    public Duration delay() { return Duration.ofSeconds(30); }
                };
            }
        };
    }

    @Test
    void given_a_call_that_succeeds_on_its_third_try_and_one_that_fails_then_outcomes_and_retries_are_counted()
            throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GuardedModelCalls calls = new GuardedModelCalls(config(), meters);
        AtomicInteger attempts = new AtomicInteger();

        String reply = calls.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("connection reset");
            }
            return "ok";
        });
        assertThrows(IllegalStateException.class, () -> calls.call(() -> {
            throw new IllegalStateException("not transient");
        }));

        assertEquals("ok", reply);
        assertEquals(2.0, meters.get("footnote.model.retries").counter().count());
        assertEquals(1, meters.get("footnote.model.calls").tag("outcome", "ok").timer().count());
        assertEquals(1, meters.get("footnote.model.calls").tag("outcome", "error").timer().count());
    }
}
