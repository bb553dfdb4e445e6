package io.footnote.llm;

/** The model is not called for a while because it failed repeatedly (its circuit breaker is open). */
public class ModelPausedException extends RuntimeException {
    public ModelPausedException(Throwable cause) {
        super("the language model failed repeatedly; calls are paused", cause);
    }
}
