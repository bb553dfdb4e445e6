package io.footnote.llm;

/**
 * A streamed answer failed after part of it had been shown; it is not retried (the reader has seen the part),
 * the caller replaces it instead.
 */
public class StreamBrokenException extends RuntimeException {
    public StreamBrokenException(Throwable cause) {
        super("the answer stream broke off: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()), cause);
    }
}
