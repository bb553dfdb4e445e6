package io.footnote.llm;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.footnote.config.FootnoteConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;

/**
 * Calls to the language model under SmallRye Fault Tolerance: bounded retries with exponential backoff on
 * transient failures (timeouts, 429, 5xx, refused connections), inside a circuit breaker that stops calling
 * a failing server for a while. Runs on the caller's thread (a worker thread, never the event loop).
 */
public final class GuardedModelCalls implements ModelCalls {

    private static final Logger LOG = Logger.getLogger(GuardedModelCalls.class);

    /** Name of the circuit breaker, for {@code CircuitBreakerMaintenance}. */
    public static final String BREAKER = "footnote-llm";

    private final Guard guard;
    private final MeterRegistry meters;
    private final Counter retries;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    /** Records into Micrometer's global registry, which is the one {@code /q/metrics} exports. */
    public GuardedModelCalls(FootnoteConfig.Llm config) {
        this(config, Metrics.globalRegistry);
    }

    /**
     * @param meters where {@code footnote_model_calls_seconds{outcome}} (one call including its retries: ok,
     *               error, or paused by the open breaker) and {@code footnote_model_retries_total} go
     */
    public GuardedModelCalls(FootnoteConfig.Llm config, MeterRegistry meters) {
        this(config, meters, BREAKER);
    }

    /**
     * @param breaker the circuit breaker's name, unique in the JVM (SmallRye refuses a second breaker of one
     *                name): {@link #BREAKER} for the service's calls, another for, e.g., an evaluation's pipeline
     *                built beside the service's
     */
    public GuardedModelCalls(FootnoteConfig.Llm config, MeterRegistry meters, String breaker) {
        this.meters = meters;
        this.retries = Counter.builder("footnote.model.retries").description("Language model calls retried")
                .register(meters);
        long delay = Math.max(1, config.retryDelay().toMillis());
        this.guard = Guard.create()
                .withDescription("language model calls: " + breaker) // SmallRye keys its metrics by it
                .withRetry()
                    .maxRetries(config.maxRetries())
                    .delay(delay, ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .maxDuration(config.timeout().toMillis() * (config.maxRetries() + 1) + delay * 64, ChronoUnit.MILLIS)
                    .whenException(ModelFailures::isTransient)
                    .withExponentialBackoff().factor(2).maxDelay(delay * 16, ChronoUnit.MILLIS).done()
                    .beforeRetry(e -> {
                        retries.increment();
                        LOG.infof("Retrying the language model after: %s", e.toString());
                    })
                    .done()
                .withCircuitBreaker()
                    .name(breaker)
                    .requestVolumeThreshold(config.circuitBreaker().requestVolume())
                    .failureRatio(config.circuitBreaker().failureRatio())
                    .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .when(e -> !(e instanceof CancellationException))
                    .onStateChange(s -> {
                        state = s;
                        LOG.warnf("Language model circuit breaker is now %s", s);
                    })
                    .done()
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T call(Callable<T> call) throws Exception {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            T result = (T) guard.call((Callable<Object>) call, Object.class);
            outcome = "ok";
            return result;
        } catch (CircuitBreakerOpenException e) {
            outcome = "paused";
            throw new ModelPausedException(e);
        } finally {
            sample.stop(Timer.builder("footnote.model.calls").description("Language model calls, retries included")
                    .tag("outcome", outcome).register(meters));
        }
    }

    public CircuitBreakerState state() {
        return state;
    }
}
