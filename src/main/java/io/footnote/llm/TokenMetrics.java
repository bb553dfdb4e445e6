package io.footnote.llm;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts the tokens a language model reports for each answer, plain or streamed:
 * {@code footnote_model_tokens_total{kind="input"|"output"}}. A LangChain4j listener, so every provider's client
 * reports through the same hook; a provider that reports no usage adds nothing (the counters stay where they were
 * rather than guessing).
 */
public final class TokenMetrics implements ChatModelListener {

    private final Counter input;
    private final Counter output;

    /** Records into Micrometer's global registry, which is the one {@code /q/metrics} exports. */
    public TokenMetrics() {
        this(Metrics.globalRegistry);
    }

    public TokenMetrics(MeterRegistry meters) {
        this.input = Counter.builder("footnote.model.tokens").tag("kind", "input")
                .description("Tokens the language model reported reading (prompt)").register(meters);
        this.output = Counter.builder("footnote.model.tokens").tag("kind", "output")
                .description("Tokens the language model reported writing (answer)").register(meters);
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        TokenUsage usage = context.chatResponse() == null ? null : context.chatResponse().tokenUsage();
        if (usage == null) {
            return;
        }
        if (usage.inputTokenCount() != null) {
            input.increment(usage.inputTokenCount());
        }
        if (usage.outputTokenCount() != null) {
            output.increment(usage.outputTokenCount());
        }
    }
}
