package io.footnote.web;

import io.footnote.app.Answers;
import io.footnote.answer.Answer;
import io.footnote.answer.InvalidQuestionException;
import io.footnote.answer.Turn;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code POST /api/ask}: a question in, an answer with verified sentence citations out. */
@Path("/api/ask")
public class AskResource {

    /** The request body; {@code history} and {@code topK} are optional. */
    public record AskRequest(String question, List<Turn> history, Integer topK) {
    }

    private final Answers answers;

    public AskResource(Answers answers) {
        this.answers = answers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // retrieval embeds the question on the CPU: keep it off the event loop
    @Operation(summary = "Answer a question from the indexed articles, citing source sentences")
    public Answer ask(AskRequest request) {
        if (request == null) {
            throw new InvalidQuestionException("The request body is required: {\"question\": \"…\"}.");
        }
        return answers.noted(answers.configured().ask(request.question(), request.history(), request.topK()));
    }
}
