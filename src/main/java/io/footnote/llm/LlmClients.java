package io.footnote.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicModelCatalog;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.footnote.config.FootnoteConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The LangChain4j clients of the configured provider: a {@link ChatModel}, a {@link StreamingChatModel}, and
 * a way to list the server's models (used to check at start-up that the server answers). The clients' own
 * retries are off: {@link GuardedModelCalls} is the one retry policy.
 *
 * @param listModels names of the models the server offers; throws when the server cannot be reached
 */
public record LlmClients(LlmProvider provider, String model, String baseUrl, ChatModel chat,
                         StreamingChatModel streaming, Supplier<List<String>> listModels) {

    static final String OLLAMA_DEFAULT_URL = "http://localhost:11434";

    /** One set of token counters for every client the service builds (they all report to /q/metrics). */
    private static final TokenMetrics TOKENS = new TokenMetrics();

    /** @throws IllegalArgumentException when the provider is unknown; {@code none} has no clients */
    public static LlmClients of(FootnoteConfig.Llm config) {
        LlmProvider provider = config.provider();
        if (provider == LlmProvider.NONE) {
            throw new IllegalArgumentException("provider 'none' has no clients");
        }
        String model = config.model().filter(m -> !m.isBlank()).orElse(provider.defaultModel());
        String url = config.baseUrl().filter(u -> !u.isBlank()).map(String::strip).orElse(null);
        String key = config.apiKey().filter(k -> !k.isBlank()).orElse(null);
        Duration timeout = config.timeout();
        List<ChatModelListener> listeners = List.of(TOKENS);
        Double temperature = config.temperature();
        Integer maxTokens = config.maxTokens();
        return switch (provider) {
            case OPENAI -> new LlmClients(provider, model, url,
                    OpenAiChatModel.builder().baseUrl(url).apiKey(key).modelName(model).temperature(temperature)
                            .maxTokens(maxTokens).timeout(timeout).maxRetries(0).listeners(listeners).build(),
                    OpenAiStreamingChatModel.builder().baseUrl(url).apiKey(key).modelName(model)
                            .temperature(temperature).maxTokens(maxTokens).timeout(timeout).listeners(listeners).build(),
                    () -> OpenAiModelCatalog.builder().baseUrl(url).apiKey(key).build().listModels().stream()
                            .map(ModelDescription::name).toList());
            case OLLAMA -> {
                String u = url == null ? OLLAMA_DEFAULT_URL : url;
                yield new LlmClients(provider, model, u,
                        OllamaChatModel.builder().baseUrl(u).modelName(model).temperature(temperature)
                                .numPredict(maxTokens).timeout(timeout).maxRetries(0).listeners(listeners).build(),
                        OllamaStreamingChatModel.builder().baseUrl(u).modelName(model).temperature(temperature)
                                .numPredict(maxTokens).timeout(timeout).listeners(listeners).build(),
                        () -> OllamaModels.builder().baseUrl(u).timeout(timeout).maxRetries(0).build()
                                .availableModels().content().stream().map(OllamaModel::getName).toList());
            }
            case ANTHROPIC -> new LlmClients(provider, model, url,
                    AnthropicChatModel.builder().baseUrl(url).apiKey(key).modelName(model).temperature(temperature)
                            .maxTokens(maxTokens).timeout(timeout).maxRetries(0).listeners(listeners).build(),
                    AnthropicStreamingChatModel.builder().baseUrl(url).apiKey(key).modelName(model)
                            .temperature(temperature).maxTokens(maxTokens).timeout(timeout).listeners(listeners).build(),
                    () -> AnthropicModelCatalog.builder().baseUrl(url).apiKey(key).timeout(timeout).build()
                            .listModels().stream().map(ModelDescription::name).toList());
            case NONE -> throw new IllegalStateException();
        };
    }

    /** Shown as the answer's {@code mode}. */
    public String mode() {
        return model;
    }
}
