package io.footnote.web;

import io.footnote.config.FootnoteConfig;
import io.footnote.web.openai.OpenAiError;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The door of every REST endpoint, before any body is read: per-client rate limit, API keys, and the size of
 * JSON request bodies.
 * <ul>
 *   <li>Administrative endpoints (upload, delete, reindex, ingest status) need {@code footnote.admin.api-key}
 *       as a Bearer token; with no admin key configured they are refused (403, saying how to configure one),
 *       except in dev mode.</li>
 *   <li>Question endpoints ({@code /api/ask*}, {@code /api/verify}, reads of {@code /api/documents},
 *       {@code /api/corpus}, {@code /v1/*}) need one of
 *       {@code footnote.api-keys} (or the admin key) when any is configured.</li>
 *   <li>Each client (its key when it sent a valid one, else its address) gets {@code footnote.rate-limit.*}
 *       requests; failed key attempts count against the address, so keys cannot be guessed at speed.</li>
 * </ul>
 * Refusals are {@code application/problem+json}, except under {@code /v1/} where OpenAI clients expect
 * {@code {"error":{…}}}. Keys are never logged or echoed.
 */
public class AccessGuard {

    private static final Logger LOG = Logger.getLogger(AccessGuard.class);

    private final ApiKeys adminKeys;
    private final ApiKeys questionKeys;
    private final RateLimiter limiter;
    private final long maxRequestBytes;
    private final int perMinute;
    private final int burst;
    private final boolean devMode;
    private final boolean limitLoopback;

    public AccessGuard(FootnoteConfig config) {
        this.adminKeys = ApiKeys.of(config.admin().apiKey().map(List::of).orElse(List.of()));
        this.questionKeys = ApiKeys.of(config.apiKeys().orElse(List.of()));
        this.limiter = new RateLimiter(config.rateLimit().requestsPerMinute(), config.rateLimit().burst(),
                config.rateLimit().maxClients());
        this.perMinute = config.rateLimit().requestsPerMinute();
        this.burst = config.rateLimit().burst();
        this.limitLoopback = config.rateLimit().loopback();
        this.maxRequestBytes = config.limits().maxRequestSize().asLongValue();
        this.devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    }

    /** Which door a request goes through. */
    enum Access { ADMIN, QUESTION, OPEN }

    static Access classify(String method, String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (p.equals("/api/reindex") || p.startsWith("/api/ingest")
                || (p.startsWith("/api/documents") && !read && !"OPTIONS".equals(method))) {
            return Access.ADMIN;
        }
        if (p.startsWith("/api/ask") || p.equals("/api/verify") || p.startsWith("/api/documents")
                || p.startsWith("/api/corpus") || p.equals("/v1") || p.startsWith("/v1/")) {
            return Access.QUESTION;
        }
        return Access.OPEN;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            return null; // CORS preflights carry no credentials; the CORS filter answers them
        }
        Access access = classify(method, path);
        String presented = ApiKeys.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(null);
        OptionalInt admin = adminKeys.match(presented);
        OptionalInt question = questionKeys.match(presented);

        String client = admin.isPresent() ? "admin" : question.isPresent() ? "key:" + question.getAsInt()
                : "addr:" + address(http);
        OptionalLong wait = !limitLoopback && loopback(http) ? OptionalLong.empty() : limiter.acquire(client);
        if (wait.isPresent()) {
            return refuse(path, 429, "Too many requests", "rate_limit_exceeded",
                    "This client has used its allowance of " + perMinute + " requests a minute (burst "
                            + burst + "); try again in " + wait.getAsLong() + " s.",
                    Map.of("Retry-After", Long.toString(wait.getAsLong())));
        }

        if (access == Access.ADMIN && admin.isEmpty()) {
            if (adminKeys.isEmpty()) {
                if (!devMode) {
                    return refuse(path, 403, "Administrative endpoints disabled", "admin_disabled",
                            "No admin key is configured, so uploads, deletions, re-indexing and ingest status are "
                                    + "refused. Set footnote.admin.api-key (environment variable FOOTNOTE_ADMIN_API_KEY, "
                                    + "or in .env) and send it as 'Authorization: Bearer <key>'.", Map.of());
                }
            } else {
                return unauthorized(method, path, http, presented == null
                        ? "This endpoint needs the admin key: send 'Authorization: Bearer <key>' with the key "
                        + "configured in footnote.admin.api-key."
                        : "The key sent is not the admin key.");
            }
        }
        if (access == Access.QUESTION && !questionKeys.isEmpty() && admin.isEmpty() && question.isEmpty()) {
            return unauthorized(method, path, http, presented == null
                    ? "This service needs an API key: send 'Authorization: Bearer <key>' with one of the keys "
                    + "configured in footnote.api-keys."
                    : "The API key sent is not valid.");
        }

        if (bodyLimited(method, request)) {
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (length == null) {
                // A body of unstated length (chunked, or an HTTP/2 stream without the header) would be read whole
                // before anyone could check its size, so it is refused up front.
                boolean chunked = http != null && http.headers().contains("Transfer-Encoding");
                if (chunked || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
                    return refuse(path, 411, "Length required", "length_required",
                            "Send the request body with a Content-Length header (at most " + maxRequestBytes
                                    + " bytes), not chunked.", Map.of());
                }
            } else {
                long bytes;
                try {
                    bytes = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    bytes = -1;
                }
                if (bytes < 0) {
                    return refuse(path, 400, "Bad request", "invalid_request_error",
                            "The Content-Length header is not a number of bytes.", Map.of());
                }
                if (bytes > maxRequestBytes) {
                    return refuse(path, 413, "Request too large", "request_too_large",
                            "The request body has " + bytes + " bytes; at most " + maxRequestBytes
                                    + " are accepted (footnote.limits.max-request-size).", Map.of());
                }
            }
        }
        return null;
    }

    /** JSON bodies are held to the request-size limit; uploads (multipart) to the per-file limit instead. */
    private static boolean bodyLimited(String method, ContainerRequestContext request) {
        if (!("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
            return false;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return type == null || !type.toLowerCase().startsWith("multipart/");
    }

    private static boolean loopback(HttpServerRequest http) {
        if (http == null || http.remoteAddress() == null || http.remoteAddress().hostAddress() == null) {
            return false;
        }
        String host = http.remoteAddress().hostAddress();
        // Literal addresses only (no name lookup on the request path): 127.0.0.0/8 and ::1.
        return host.startsWith("127.") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    private static String address(HttpServerRequest http) {
        // With quarkus.http.proxy.proxy-address-forwarding on, Quarkus puts the forwarded client address here.
        return http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static Response unauthorized(String method, String path, HttpServerRequest http, String detail) {
        // An audit line for each refused credential: who and where, never what was sent.
        LOG.infof("Refused %s %s from %s: %s", method, path, address(http), detail);
        return refuse(path, 401, "Unauthorized", "invalid_api_key", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"footnote\""));
    }

    private static Response refuse(String path, int status, String title, String code, String detail,
                                   Map<String, String> headers) {
        Response.ResponseBuilder response;
        if (OpenAiError.covers(path)) {
            // The OpenAI error shape, which OpenAI client libraries turn into their typed errors.
            response = Response.fromResponse(OpenAiError.response(status, detail, null, code));
        } else {
            response = Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, path));
        }
        headers.forEach(response::header);
        return response.build();
    }
}
