package io.footnote.web;

import io.footnote.metrics.FootnoteMetrics;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = OpenApiTags.QUESTIONS)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class AskResource {

    /** The request body; {@code history} and {@code topK} are optional. */
    public record AskRequest(
            @Schema(required = true, description = "The question, at most footnote.question.max-length characters",
                    examples = "How many deportations to China did ICE complete?") String question,
            @Schema(description = "Earlier turns of the conversation, oldest first, for follow-up questions")
            List<Turn> history,
            @Schema(description = "How many sentences to consider citing (1 to 40; default from the configuration)",
                    examples = "5") Integer topK) {
    }

    /** A question the bundled articles answer; sent as it is by the examples test. */
    static final String ASK_EXAMPLE = "{\"question\": \"How many deportations to China did ICE complete?\", \"topK\": 5}";
    static final String FOLLOW_UP_EXAMPLE = "{\"question\": \"And how many migrants did CBP encounter?\", "
            + "\"history\": [{\"role\": \"user\", \"content\": \"How many deportations to China did ICE complete?\"}, "
            + "{\"role\": \"assistant\", \"content\": \"ICE said it completed just 288 deportations back to China. [1]\"}]}";

    private final Answers answers;
    private final FootnoteMetrics metrics;

    public AskResource(Answers answers, FootnoteMetrics metrics) {
        this.answers = answers;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // retrieval embeds the question on the CPU: keep it off the event loop
    @Operation(summary = "Answer a question from the indexed articles, citing source sentences")
    public Answer ask(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {
                    @ExampleObject(name = "question", value = ASK_EXAMPLE),
                    @ExampleObject(name = "follow-up", value = FOLLOW_UP_EXAMPLE)})) AskRequest request) {
        if (request == null) {
            throw new InvalidQuestionException("The request body is required: {\"question\": \"…\"}.");
        }
        Answer answer = answers.noted(answers.configured().ask(request.question(), request.history(), request.topK()));
        metrics.answered(answer);
        return answer;
    }
}
