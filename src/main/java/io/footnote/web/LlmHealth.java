package io.footnote.web;

import io.footnote.app.Answers;
import io.footnote.llm.LlmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the language model: provider, model, whether its server answered the start-up check, and the
 * circuit breaker. Always UP: without the model the service still answers (extractively, with a notice),
 * so an unreachable model must not take the service out of rotation; the data says what is wrong.
 */
@Readiness
@ApplicationScoped
public class LlmHealth implements HealthCheck {

    private final Answers answers;

    public LlmHealth(Answers answers) {
        this.answers = answers;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("llm").up();
        var status = answers.llm();
        if (status.isEmpty()) {
            return b.withData("provider", "none").withData("mode", "extractive").build();
        }
        LlmStatus s = status.get();
        b.withData("provider", s.clients().provider().name().toLowerCase(java.util.Locale.ROOT))
                .withData("model", s.clients().model())
                .withData("reachable", s.reachable() == null ? "unknown" : s.reachable().toString())
                .withData("circuitBreaker", s.breaker().name().toLowerCase(java.util.Locale.ROOT));
        if (s.clients().baseUrl() != null) {
            b.withData("baseUrl", s.clients().baseUrl());
        }
        if (s.modelListed() != null) {
            b.withData("modelListed", s.modelListed());
        }
        s.error().ifPresent(e -> b.withData("error", e));
        return b.build();
    }
}
