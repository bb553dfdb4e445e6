package io.footnote.web.openai;

import jakarta.ws.rs.core.Response;

/** A request refused under {@code /v1}, answered as an {@link OpenAiError} with the given status. */
public class OpenAiException extends RuntimeException {

    private final int status;
    private final String param;
    private final String code;

    /**
     * @param param the request field at fault, or null
     * @param code  a machine-readable reason, or null
     */
    public OpenAiException(int status, String message, String param, String code) {
        super(message);
        this.status = status;
        this.param = param;
        this.code = code;
    }

    /** A 400 about one request field. */
    public static OpenAiException invalid(String param, String message) {
        return new OpenAiException(400, message, param, null);
    }

    public Response toResponse() {
        return OpenAiError.response(status, getMessage(), param, code);
    }
}
