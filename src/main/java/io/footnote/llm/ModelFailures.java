package io.footnote.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import io.footnote.answer.UnusableAnswerException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;

/**
 * What went wrong in a call to the language model, read once from the exception's cause chain: the kind of
 * failure, whether another attempt may succeed (for the retry policy) and the words shown to the reader when
 * the answer falls back (for the notice). One walker, so the two can never disagree about a failure.
 */
public enum ModelFailures {
    /** The circuit breaker is open. */
    PAUSED("it failed repeatedly and calls to it are paused", false),
    /** The server took too long (the client's timeout or the server's). */
    TIMED_OUT("it timed out", true),
    RATE_LIMITED("rate limited", true),
    SERVER_ERROR("server error", true),
    AUTHENTICATION("authentication failed", false),
    /** The server could not be reached: refused, unknown host. */
    UNREACHABLE("it could not be reached", true),
    /** An unreadable reply: not a network hiccup, so not retried. */
    UNREADABLE("its reply could not be read", false),
    /** The model answered with nothing usable. */
    UNUSABLE_OUTPUT("unusable output", false),
    /** Some other I/O failure on the way. */
    IO("error", true),
    /** The stream broke after part of it was shown, or the client left: never retried. */
    FINAL("error", false),
    OTHER("error", false);

    private final String words;
    private final boolean transient_;

    ModelFailures(String words, boolean transient_) {
        this.words = words;
        this.transient_ = transient_;
    }

    /** The kind of {@code failure}: the first cause in its chain that says what happened. */
    public static ModelFailures of(Throwable failure) {
        if (failure instanceof StreamBrokenException || failure instanceof CancellationException) {
            return FINAL;
        }
        ModelFailures io = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ModelFailures kind = switch (t) {
                case ModelPausedException x -> PAUSED;
                case TimeoutException x -> TIMED_OUT;
                case HttpTimeoutException x -> TIMED_OUT;
                case RateLimitException x -> RATE_LIMITED;
                case InternalServerException x -> SERVER_ERROR;
                case AuthenticationException x -> AUTHENTICATION;
                case UnusableAnswerException x -> UNUSABLE_OUTPUT;
                case JacksonException x -> UNREADABLE;
                case ConnectException x -> UNREACHABLE;
                case UnresolvedAddressException x -> UNREACHABLE;
                case UnknownHostException x -> UNREACHABLE;
                default -> null;
            };
            if (kind != null) {
                return kind;
            }
            if (io == null && (t instanceof IOException || t instanceof RetriableException)) {
                io = IO; // keep walking: a deeper cause may say more (a refused connection, a timeout)
            }
        }
        return io == null ? OTHER : io;
    }

    /** Worth another attempt: the server may answer next time, and nothing was shown yet. */
    public static boolean isTransient(Throwable failure) {
        return of(failure).transient_;
    }

    /** Why the model could not answer, in words for the reader's notice. */
    public static String reason(Throwable failure) {
        Throwable t = failure instanceof StreamBrokenException && failure.getCause() != null
                ? failure.getCause() : failure;
        ModelFailures kind = of(t);
        if (kind == UNUSABLE_OUTPUT) {
            return kind.words + ": " + t.getMessage();
        }
        if (kind != IO && kind != FINAL && kind != OTHER) {
            return kind.words;
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "error: " + (msg.length() > 160 ? msg.substring(0, 160) + "…" : msg);
    }
}
