package io.footnote.web.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error body OpenAI's API answers with, {@code {"error": {"message", "type", "param", "code"}}}, which
 * OpenAI clients parse into their typed errors (the {@code openai} npm package's {@code NotFoundError},
 * LangChain4j's {@code InvalidRequestException}, …). Everything under {@code /v1/} answers errors in this
 * shape instead of {@code application/problem+json}; {@link #covers(String)} tells which paths, so any
 * filter or mapper that refuses a request can answer in the client's dialect.
 *
 * @param error what went wrong
 */
public record OpenAiError(Body error) {

    /**
     * @param message for the developer, saying what to change
     * @param type    as OpenAI's API sends it, from the HTTP status: {@code server_error} for 5xx,
     *                {@code requests} for 429 (a request-rate limit), else {@code invalid_request_error}
     *                (OpenAI answers a bad key with that type too, and code {@code invalid_api_key})
     * @param param   the request field at fault, or null
     * @param code    a machine-readable reason (e.g. {@code model_not_found}), or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OpenAI sends param and code as null rather than leaving them out
    public record Body(String message, String type, String param, String code) {
    }

    /** The path prefix served in OpenAI's dialect. */
    public static final String PREFIX = "/v1";

    /** True for paths whose errors must be OpenAI-shaped ({@code /v1} and everything under it). */
    public static boolean covers(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    /** The error type OpenAI uses for an HTTP status. */
    public static String typeFor(int status) {
        if (status >= 500) {
            return "server_error";
        }
        return status == 429 ? "requests" : "invalid_request_error";
    }

    public static OpenAiError of(int status, String message, String param, String code) {
        return new OpenAiError(new Body(message, typeFor(status), param, code));
    }

    /** A complete response: the status, {@code application/json}, and the error body. */
    public static Response response(int status, String message, String param, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(status, message, param, code))
                .build();
    }
}
