package io.footnote.llm;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * What is known about the configured language model server: whether it answered the start-up check, whether
 * it lists the configured model, and the state of the circuit breaker. Shown by the {@code llm} health check.
 */
public final class LlmStatus {

    private static final Logger LOG = Logger.getLogger(LlmStatus.class);

    private final LlmClients clients;
    private final ModelCalls calls;
    private volatile Boolean reachable;
    private volatile Boolean modelListed;
    private volatile String error;

    /** @param calls the policy around model calls; a breaker's state is known only for {@link GuardedModelCalls} */
    public LlmStatus(LlmClients clients, ModelCalls calls) {
        this.clients = clients;
        this.calls = calls;
    }

    /** Asks the server for its models; logs and records the outcome. Never throws. */
    public void probe() {
        try {
            List<String> models = clients.listModels().get();
            reachable = true;
            error = null;
            modelListed = models.stream().anyMatch(m -> m.equals(clients.model()) || m.startsWith(clients.model() + ":"));
            if (modelListed) {
                LOG.infof("Language model %s (%s) is reachable", clients.model(), clients.provider());
            } else {
                LOG.warnf("Language model server (%s) is reachable but does not list model '%s' (it lists %d); "
                        + "answers may fall back to extractive", clients.provider(), clients.model(), models.size());
            }
        } catch (RuntimeException e) {
            reachable = false;
            error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            LOG.warnf("Language model server (%s, model %s) cannot be reached: %s. Questions are answered "
                    + "extractively, with a notice, until it answers.", clients.provider(), clients.model(), error);
        }
    }

    public LlmClients clients() {
        return clients;
    }

    /** Null until the start-up check has run. */
    public Boolean reachable() {
        return reachable;
    }

    /** Null unless the server answered the start-up check. */
    public Boolean modelListed() {
        return modelListed;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The circuit breaker's state; always closed when calls are not guarded by one. */
    public CircuitBreakerState breaker() {
        return calls instanceof GuardedModelCalls guarded ? guarded.state() : CircuitBreakerState.CLOSED;
    }
}
