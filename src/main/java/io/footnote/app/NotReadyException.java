package io.footnote.app;

/** Thrown by requests that need the index while it is still loading (or failed to load). */
public class NotReadyException extends RuntimeException {
    public NotReadyException(String message) {
        super(message);
    }
}
