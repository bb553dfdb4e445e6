package io.footnote.web;

import io.footnote.app.NotReadyException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.footnote.answer.InvalidQuestionException;
import io.footnote.web.openai.OpenAiError;
import io.footnote.web.openai.OpenAiException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as {@code application/problem+json} whose {@code detail} says what was wrong. Bad
 * input is a 4xx, never a 500; an unexpected failure is logged and answered with a 500 that leaks nothing.
 * Under {@code /v1} (the OpenAI-compatible API) the same errors leave in OpenAI's shape instead
 * ({@link OpenAiError}), since OpenAI clients parse that one: every mapper answers through {@link #problem}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidQuestion(InvalidQuestionException e, UriInfo uri) {
        return problem(400, "Invalid question", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response openAi(OpenAiException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response notReady(NotReadyException e, UriInfo uri) {
        return Response.fromResponse(problem(503, "Not ready", e.getMessage(), uri)).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unknownDocument(UnknownDocumentException e, UriInfo uri) {
        return problem(404, "Unknown document", e.getMessage(), uri);
    }

    // Quarkus ships mappers for these two subtypes; naming them here makes ours win.
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String detail;
        String field = null;
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : m.getPath()) {
                path.append(ref.getFieldName() != null ? (path.isEmpty() ? "" : ".") + ref.getFieldName()
                        : "[" + ref.getIndex() + "]");
            }
            field = path.toString();
            detail = "Field '" + path + "' has the wrong type: " + firstLine(e.getOriginalMessage());
        } else {
            detail = "The request body is not valid JSON: " + firstLine(e.getOriginalMessage());
        }
        return problem(400, "Malformed request", detail, uri, field);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException j) {
            return badJson(j, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 415 -> uri != null && uri.getPath().startsWith("/api/documents")
                    ? "Send the files as multipart/form-data." : "Send the request body as application/json.";
            case 406 -> "This resource answers application/json.";
            default -> e.getMessage();
        };
        return problem(status, title, detail, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected failure serving " + uri.getPath(), e);
        return problem(500, "Internal error", "The service failed unexpectedly; the log has the details.", uri);
    }

    static Response problem(int status, String title, String detail, UriInfo uri) {
        return problem(status, title, detail, uri, null);
    }

    /** @param field the request field at fault, or null (only OpenAI's error shape has a place for it) */
    static Response problem(int status, String title, String detail, UriInfo uri, String field) {
        if (uri != null && OpenAiError.covers(uri.getPath())) {
            return OpenAiError.response(status, detail, field, null);
        }
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail, uri == null ? null : uri.getPath())).build();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
