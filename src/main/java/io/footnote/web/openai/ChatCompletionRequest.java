package io.footnote.web.openai;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The body of {@code POST /v1/chat/completions}, as OpenAI defines it. The fields Footnote acts on are
 * {@code model}, {@code messages}, {@code stream} and {@code stream_options}; the sampling and length
 * fields declared here are type-checked and otherwise ignored, since the answer is not sampled from a
 * model Footnote exposes; fields that would ask for something Footnote cannot do ({@code n} other than 1,
 * tools, functions, a structured {@code response_format}, log-probabilities, audio) are refused by
 * {@link OpenAiResource}. Fields not declared here are ignored, as OpenAI-compatible servers
 * commonly do, so that newer clients sending newer optional fields keep working.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionRequest(
        String model,
        List<Message> messages,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        Integer n,
        JsonNode tools,
        JsonNode functions,
        @JsonProperty("tool_choice") JsonNode toolChoice,
        @JsonProperty("function_call") JsonNode functionCall,
        @JsonProperty("response_format") JsonNode responseFormat,
        Boolean logprobs,
        @JsonProperty("top_logprobs") Integer topLogprobs,
        List<String> modalities,
        JsonNode audio,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        String user) {

    /**
     * One message of the conversation.
     *
     * @param role    {@code system}, {@code developer}, {@code user} or {@code assistant}
     * @param content a string, or an array of content parts ({@code {"type": "text", "text": "…"}})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(
            @Schema(examples = "user") String role,
            @Schema(description = "A string, or an array of content parts {\"type\": \"text\", \"text\": \"…\"}",
                    oneOf = {String.class, ContentPart[].class}) JsonNode content,
            String name,
                          @JsonProperty("tool_calls") JsonNode toolCalls,
                          @JsonProperty("tool_call_id") String toolCallId,
                          @JsonProperty("function_call") JsonNode functionCall) {
    }

    /** One part of a message's content; only {@code text} parts are read. Declared for the API description. */
    public record ContentPart(@Schema(examples = "text") String type, String text) {
    }

    /** @param includeUsage when true, a last chunk carries the token counts */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    public boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }
}
