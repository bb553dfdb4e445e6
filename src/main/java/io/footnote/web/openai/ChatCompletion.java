package io.footnote.web.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.footnote.answer.Answer;
import io.footnote.cite.Citation;

import java.util.List;

/**
 * OpenAI's {@code chat.completion} object, plus Footnote's {@code citations} (the same objects as
 * {@code /api/ask}'s, numbered as the {@code [n]} markers in the message content) and {@code footnote}
 * (what else {@code /api/ask} says about the answer).
 */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
                             Usage usage, List<Citation> citations, Extras footnote) {

    /** The one answer: {@code finish_reason} is always {@code stop} (an abstention is an answer too). */
    public record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    public record Message(String role, String content) {
    }

    /**
     * Approximate token counts (see {@link Tokens}).
     *
     * @param promptTokens     the question and the history turns Footnote read
     * @param completionTokens the answer text
     */
    public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                        @JsonProperty("completion_tokens") int completionTokens,
                        @JsonProperty("total_tokens") int totalTokens) {

        public static Usage of(Conversation conversation, String answer) {
            int prompt = Tokens.approximate(conversation.question())
                    + conversation.history().stream().mapToInt(t -> Tokens.approximate(t.content())).sum();
            int completion = Tokens.approximate(answer);
            return new Usage(prompt, completion, prompt + completion);
        }
    }

    /**
     * The rest of {@code /api/ask}'s answer, under the names it has there.
     *
     * @param mode              {@code extractive}, or the language model that wrote the answer
     * @param abstained         true when the articles do not answer the question (then nothing is cited)
     * @param notice            a message for the reader (e.g. the model failed and the answer quotes sources), or null
     * @param rewrittenQuestion the standalone question retrieval used for a follow-up, or null
     * @param unsupportedClaims answer sentences no citation backs
     * @param related           when the answer declines, the closest passages found (not citations)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Extras(String mode, boolean abstained, String notice, String rewrittenQuestion,
                         List<String> unsupportedClaims, int removedMarkers, List<Answer.Related> related) {

        public static Extras of(Answer a) {
            return new Extras(a.mode(), a.abstained(), a.notice(), a.rewrittenQuestion(),
                    a.unsupportedClaims() == null ? List.of() : a.unsupportedClaims(), a.removedMarkers(),
                    a.related() == null ? List.of() : a.related());
        }
    }

    public static ChatCompletion of(String id, long created, String model, Answer answer, Conversation conversation) {
        return new ChatCompletion(id, "chat.completion", created, model,
                List.of(new Choice(0, new Message("assistant", answer.answer()), "stop")),
                Usage.of(conversation, answer.answer()), answer.citations(), Extras.of(answer));
    }
}
