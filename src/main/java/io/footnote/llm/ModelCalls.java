package io.footnote.llm;

import java.util.concurrent.Callable;

/**
 * How calls to a language model are made: the service wraps them in retries with backoff and a circuit
 * breaker (see {@code io.footnote.llm.GuardedModelCalls}); tests may call straight through.
 */
public interface ModelCalls {

    /** Runs {@code call} under the policy; throws what the last attempt threw, or the breaker's refusal. */
    <T> T call(Callable<T> call) throws Exception;

    /** No policy: one attempt. */
    static ModelCalls direct() {
        return new ModelCalls() {
            @Override
            public <T> T call(Callable<T> call) throws Exception {
                return call.call();
            }
        };
    }
}
