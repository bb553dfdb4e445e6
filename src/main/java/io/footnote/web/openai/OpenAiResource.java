package io.footnote.web.openai;

import io.footnote.metrics.FootnoteMetrics;
import io.footnote.web.OpenApiTags;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.answer.Answer;
import io.footnote.answer.AnswerService;
import io.footnote.answer.InvalidQuestionException;
import io.footnote.config.FootnoteConfig;
import io.footnote.app.Answers;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * An OpenAI-compatible face on the same pipeline as {@code /api/ask}, so that OpenAI client libraries and the
 * tools built on them can ask Footnote: {@code GET /v1/models}, {@code GET /v1/models/{id}} and
 * {@code POST /v1/chat/completions}, plain or streamed.
 *
 * <p>Two models: {@value #MODEL} answers as {@code /api/ask} does (the configured language model, with the
 * extractive answerer as its fallback, or the extractive answerer alone), {@value #EXTRACTIVE} always answers
 * extractively and never calls a language model. The answer text carries the {@code [n]} markers; the cited
 * sentences are in a top-level {@code citations} array. Errors are OpenAI-shaped ({@link OpenAiError}).
 *
 * <p>Streaming: OpenAI's protocol cannot take back text already sent, while Footnote replaces a language
 * model's answer with the extractive one whenever the model fails midway or none of its sentences is backed
 * by what it cites — which is only known once the answer is complete. So the stream opens at once with the
 * role chunk, and the content chunks (one per finished sentence) follow once the answer has been verified;
 * a client never sees text that the final answer does not contain.
 */
@Path("/v1")
@Tag(name = OpenApiTags.OPENAI)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class OpenAiResource {

    /** The configured answerer, as {@code /api/ask} answers. */
    public static final String MODEL = "footnote";
    /** The extractive answerer, whatever is configured. */
    public static final String EXTRACTIVE = "footnote-extractive";

    /** A chat completion the bundled articles answer; sent as it is by the examples test. */
    static final String CHAT_EXAMPLE = "{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", "
            + "\"content\": \"How many deportations to China did ICE complete?\"}]}";

    private static final Logger LOG = Logger.getLogger(OpenAiResource.class);
    private static final MediaType EVENT_STREAM = MediaType.valueOf("text/event-stream; charset=utf-8");

    private final Answers answers;
    private final ObjectMapper json;
    private final int maxHistory;
    private final FootnoteMetrics metrics;
    private final long started = Instant.now().getEpochSecond();

    public OpenAiResource(Answers answers, ObjectMapper json, FootnoteConfig config, FootnoteMetrics metrics) {
        this.metrics = metrics;
        this.answers = answers;
        this.json = json;
        this.maxHistory = config.question().maxHistory();
    }

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the models: footnote and footnote-extractive")
    public ModelList models() {
        return new ModelList("list", List.of(model(MODEL), model(EXTRACTIVE)));
    }

    @GET
    @Path("/models/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Describe one model")
    public ModelList.Model model(@Parameter(description = "footnote or footnote-extractive", example = MODEL)
                                 @PathParam("model") String id) {
        if (!MODEL.equals(id) && !EXTRACTIVE.equals(id)) {
            throw unknownModel(id);
        }
        return new ModelList.Model(id, "model", started, "footnote");
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Blocking // retrieval embeds the question on the CPU, and a streamed answer is written from this thread
    @Operation(summary = "Answer the conversation's last user message with cited sentences (OpenAI chat completion)")
    public Response chatCompletions(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "question", value = CHAT_EXAMPLE)))
                                    ChatCompletionRequest request, @Context HttpServerResponse http) {
        if (request == null) {
            throw OpenAiException.invalid(null, "The request body is required: {\"model\": \"footnote\", "
                    + "\"messages\": [{\"role\": \"user\", \"content\": \"…\"}]}.");
        }
        String model = request.model();
        if (model == null || model.isBlank()) {
            throw OpenAiException.invalid("model", "You must provide a model parameter ('" + MODEL + "' or '"
                    + EXTRACTIVE + "').");
        }
        if (!MODEL.equals(model) && !EXTRACTIVE.equals(model)) {
            throw unknownModel(model);
        }
        refuseUnsupported(request);
        Conversation conversation = Conversation.of(request.messages(), maxHistory);
        AnswerService answers = model.equals(EXTRACTIVE) ? this.answers.extractive() : this.answers.configured();
        try {
            answers.check(conversation.question(), conversation.history(), null);
        } catch (InvalidQuestionException e) {
            throw invalidConversation(e);
        }
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        if (!request.streaming()) {
            Answer answer = this.answers.noted(ask(answers, conversation, null));
            return Response.ok(ChatCompletion.of(id, created, model, answer, conversation))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        ChatCompletionChunk.Header header = new ChatCompletionChunk.Header(id, created, model);
        StreamingOutput body = out -> stream(out, header, answers, conversation, request.includeUsage(), http);
        return Response.ok(body).type(EVENT_STREAM).header("Cache-Control", "no-cache").build();
    }

    private void stream(OutputStream out, ChatCompletionChunk.Header header, AnswerService answers,
                        Conversation conversation, boolean includeUsage, HttpServerResponse http) throws IOException {
        send(out, header.role());
        List<String> pieces = new ArrayList<>();
        Answer answer;
        try {
            answer = ask(answers, conversation, new AnswerService.Listener() {
                @Override
                public void text(String piece) {
                    pieces.add(piece);
                }

                @Override
                public void reset(String reason) {
                    pieces.clear(); // the fallback's answer replaces the model's; nothing of it was sent
                }

                @Override
                public boolean cancelled() {
                    return http != null && http.closed();
                }
            });
        } catch (CancellationException e) {
            LOG.debug("Client left before the answer was complete; the model call was cancelled");
            return;
        } catch (RuntimeException e) {
            // The status line has gone; OpenAI clients raise an error object met in the stream as an API error.
            LOG.error("Streaming chat completion failed", e);
            send(out, OpenAiError.of(500, "The answer could not be completed; the service log has the details.",
                    null, null));
            return;
        }
        for (String piece : pieces) {
            send(out, header.content(piece));
        }
        send(out, header.finish(answer));
        if (includeUsage) {
            send(out, header.usage(answer, ChatCompletion.Usage.of(conversation, answer.answer())));
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Answer ask(AnswerService answers, Conversation conversation, AnswerService.Listener listener) {
        try {
            Answer answer = listener == null ? answers.ask(conversation.question(), conversation.history(), null)
                    : answers.stream(conversation.question(), conversation.history(), null, listener);
            metrics.answered(answer);
            return answer;
        } catch (InvalidQuestionException e) {
            throw invalidConversation(e);
        }
    }

    private void send(OutputStream out, Object data) throws IOException {
        out.write(("data: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Refuses the request fields that ask for what Footnote cannot do, instead of silently ignoring them. */
    private static void refuseUnsupported(ChatCompletionRequest r) {
        if (r.n() != null && r.n() != 1) {
            throw OpenAiException.invalid("n", "Footnote writes one answer per request: 'n' must be 1, not " + r.n()
                    + ".");
        }
        if (Conversation.present(r.tools())) {
            throw OpenAiException.invalid("tools", "Footnote does not call tools: 'tools' is not supported.");
        }
        if (Conversation.present(r.functions())) {
            throw OpenAiException.invalid("functions", "Footnote does not call functions: 'functions' is not "
                    + "supported.");
        }
        if (Conversation.present(r.toolChoice()) && !"none".equals(r.toolChoice().asText())
                && !"auto".equals(r.toolChoice().asText())) {
            throw OpenAiException.invalid("tool_choice", "Footnote does not call tools: 'tool_choice' may only be "
                    + "'none' or 'auto'.");
        }
        if (Conversation.present(r.functionCall()) && !"none".equals(r.functionCall().asText())
                && !"auto".equals(r.functionCall().asText())) {
            throw OpenAiException.invalid("function_call", "Footnote does not call functions: 'function_call' may "
                    + "only be 'none' or 'auto'.");
        }
        JsonNode format = r.responseFormat();
        if (Conversation.present(format) && !"text".equals(format.path("type").asText())) {
            throw OpenAiException.invalid("response_format", "Footnote answers in text with [n] citation markers: "
                    + "'response_format' may only be {\"type\": \"text\"}, not " + format + ".");
        }
        if (Boolean.TRUE.equals(r.logprobs()) || r.topLogprobs() != null && r.topLogprobs() > 0) {
            throw OpenAiException.invalid(Boolean.TRUE.equals(r.logprobs()) ? "logprobs" : "top_logprobs",
                    "Footnote's answers are not sampled token by token, so there are no log probabilities to return.");
        }
        if (r.modalities() != null && r.modalities().stream().anyMatch(m -> !"text".equals(m))) {
            throw OpenAiException.invalid("modalities", "Footnote answers in text only: 'modalities' may only be "
                    + "[\"text\"].");
        }
        if (Conversation.present(r.audio())) {
            throw OpenAiException.invalid("audio", "Footnote answers in text only: 'audio' is not supported.");
        }
    }

    private static OpenAiException unknownModel(String model) {
        return new OpenAiException(404, "The model '" + model + "' does not exist. Footnote's models are '" + MODEL
                + "' and '" + EXTRACTIVE + "'.", "model", "model_not_found");
    }

    private static OpenAiException invalidConversation(InvalidQuestionException e) {
        // The pipeline's message names /api/ask's fields; say how they map onto the messages.
        return OpenAiException.invalid("messages", "Invalid 'messages': " + e.getMessage() + " (the question is the "
                + "last user message; the history is the user and assistant messages before it).");
    }
}
