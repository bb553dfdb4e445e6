package io.footnote.web;

import io.footnote.metrics.FootnoteMetrics;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.footnote.app.Answers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.answer.Answer;
import io.footnote.answer.AnswerService;
import io.footnote.answer.InvalidQuestionException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /api/ask/stream}: the same request as {@code /api/ask}, answered as server-sent events —
 * {@code token} events ({@code {"text": "…"}}) as the answer is written, one finished sentence at a time with
 * its markers renumbered, then one {@code done} event whose data is the full {@code /api/ask} response,
 * citations verified. When a language model fails midway and the extractive answerer takes over, a
 * {@code reset} event ({@code {"reason": "…"}}) withdraws the tokens sent so far; the tokens after the last
 * {@code reset} make up the answer. A client that disconnects cancels the model call. A failure after the
 * stream opened is an {@code error} event holding a problem detail. A bad request is refused before the stream opens, with the
 * same problem responses as {@code /api/ask}.
 */
@Path("/api/ask/stream")
@Tag(name = OpenApiTags.QUESTIONS)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class AskStreamResource {

    private static final Logger LOG = Logger.getLogger(AskStreamResource.class);

    private final Answers answers;
    private final ObjectMapper json;
    private final FootnoteMetrics metrics;

    public AskStreamResource(Answers answers, ObjectMapper json, FootnoteMetrics metrics) {
        this.answers = answers;
        this.json = json;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Answer a question as a stream of server-sent events: token…, then done")
    public Multi<OutboundSseEvent> stream(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "question", value = AskResource.ASK_EXAMPLE)))
                                          AskResource.AskRequest request, Sse sse) {
        if (request == null) {
            throw new InvalidQuestionException("The request body is required: {\"question\": \"…\"}.");
        }
        AnswerService answers = this.answers.configured();
        answers.check(request.question(), request.history(), request.topK());
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onTermination(() -> gone.set(true));
            try {
                Answer answer = answers.stream(request.question(), request.history(), request.topK(),
                        new AnswerService.Listener() {
                            @Override
                            public void text(String piece) {
                                emit(emitter, event(sse, "token", Map.of("text", piece)));
                            }

                            @Override
                            public void reset(String reason) {
                                emit(emitter, event(sse, "reset", Map.of("reason", reason)));
                            }

                            @Override
                            public boolean cancelled() {
                                return gone.get() || emitter.isCancelled();
                            }
                        });
                metrics.answered(answer);
                emit(emitter, event(sse, "done", this.answers.noted(answer)));
                emitter.complete();
            } catch (CancellationException e) {
                LOG.debug("Client left before the answer was complete; the model call was cancelled");
                emitter.complete();
            } catch (RuntimeException e) {
                LOG.error("Streaming answer failed", e);
                emit(emitter, event(sse, "error", Problem.of(500, "Internal error",
                        "The answer could not be completed; the log has the details.", "/api/ask/stream")));
                emitter.complete();
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static void emit(MultiEmitter<? super OutboundSseEvent> emitter, OutboundSseEvent event) {
        if (!emitter.isCancelled()) {
            emitter.emit(event);
        }
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            // The data is JSON already; no media type is set because the server would then write it as a
            // non-standard "content-type:" line into the event, which SSE clients do not expect.
            return sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
