package io.footnote.web;

/** Thrown by requests that need the index while it is still loading (or failed to load). */
public class NotReadyException extends RuntimeException {
    public NotReadyException(Engine engine) {
        super(engine.failure().map(f -> "The index failed to load: " + f)
                .orElse("The index is still loading (" + engine.progress().done() + "/" + engine.progress().total()
                        + " files); try again shortly."));
    }
}
