package io.footnote.web.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.footnote.answer.Answer;
import io.footnote.cite.Citation;

import java.util.List;

/**
 * OpenAI's {@code chat.completion.chunk}, one {@code data:} line of a streamed completion. Footnote's
 * {@code citations} and {@code footnote} extras ride on the closing chunk (the one with a
 * {@code finish_reason}) and on the usage chunk after it when one was asked for, so the last chunk before
 * {@code [DONE]} always has them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
                                  ChatCompletion.Usage usage, List<Citation> citations,
                                  ChatCompletion.Extras footnote) {

    /** A choice's delta; {@code finish_reason} is sent as null until the closing chunk, as OpenAI does. */
    public record Choice(int index, Delta delta,
                         @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {
    }

    /** Identifies the completion every chunk belongs to. */
    public record Header(String id, long created, String model) {

        /** The opening chunk: the assistant's role and no text yet. */
        public ChatCompletionChunk role() {
            return delta(new Delta("assistant", ""), null);
        }

        public ChatCompletionChunk content(String text) {
            return delta(new Delta(null, text), null);
        }

        /** The closing chunk: {@code finish_reason} {@code stop}, with the citations. */
        public ChatCompletionChunk finish(Answer answer) {
            return new ChatCompletionChunk(id, "chat.completion.chunk", created, model,
                    List.of(new Choice(0, new Delta(null, null), "stop")), null, answer.citations(),
                    ChatCompletion.Extras.of(answer));
        }

        /** The usage chunk {@code stream_options.include_usage} asks for: no choices, the token counts. */
        public ChatCompletionChunk usage(Answer answer, ChatCompletion.Usage usage) {
            return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), usage,
                    answer.citations(), ChatCompletion.Extras.of(answer));
        }

        private ChatCompletionChunk delta(Delta delta, String finish) {
            return new ChatCompletionChunk(id, "chat.completion.chunk", created, model,
                    List.of(new Choice(0, delta, finish)), null, null, null);
        }
    }
}
