package io.footnote.app;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.footnote.config.FootnoteConfig;
import io.footnote.llm.LlmClients;
import io.footnote.llm.LlmProvider;
import io.footnote.llm.ModelCalls;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How many chunks each answer path ranks: the model's reads passages around the best of more of them. */
class AnswerWiringTest {

    /** A retriever that finds nothing and records the {@code topK} it was asked for. */
    private static final class Recording implements SentenceRetriever {
        final List<Integer> asked = new ArrayList<>();

        @Override
        public Retrieval retrieve(String query, int topK) {
            asked.add(topK);
            return new Retrieval(query, List.of(), List.of());
        }
    }

    /** A model that must not be called: with nothing retrieved the answer declines before any call. */
    private static final ChatModel UNCALLED = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            throw new AssertionError("the model was called");
        }
    };

    private static AnswerWiring.Answering wire(Recording retriever, Map<String, String> settings) {
        FootnoteConfig config = PipelineBackendTest.config(settings);
        LlmClients clients = new LlmClients(LlmProvider.values()[0], "stub", "http://localhost:1", UNCALLED, null,
                List::of);
        return AnswerWiring.wire(config, retriever, id -> Optional.empty(), null, null, Optional.of(clients),
                ModelCalls.direct());
    }

    @Test
    void given_a_model_then_its_answers_rank_prompt_top_k_chunks_and_extractive_ones_top_k() {
        // given the default settings and a model
        Recording retriever = new Recording();
        AnswerWiring.Answering answering = wire(retriever, Map.of());

        // when a question is asked of each answer path
        answering.answers().ask("Who won the final?", List.of(), null);
        answering.extractive().ask("Who won the final?", List.of(), null);

        // then the model's path ranked the prompt's chunks, the extractive one its own (fewer, for speed)
        assertEquals(List.of(24, 8), retriever.asked);
        assertTrue(answering.answers().ask("Who won the final?", List.of(), null).abstained());
    }

    @Test
    void given_settings_and_a_request_top_k_then_each_is_honoured() {
        // given other widths
        Recording retriever = new Recording();
        AnswerWiring.Answering answering = wire(retriever,
                Map.of("footnote.llm.prompt-top-k", "12", "footnote.retrieval.top-k", "5"));

        // when asked without and with a request's topK
        answering.answers().ask("Who won the final?", List.of(), null);
        answering.extractive().ask("Who won the final?", List.of(), null);
        answering.answers().ask("Who won the final?", List.of(), 3);

        // then the settings apply, and a request's topK overrides them
        assertEquals(List.of(12, 5, 3), retriever.asked);
    }
}
