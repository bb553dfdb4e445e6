package io.footnote.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.footnote.answer.Answerer;
import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Retrieval;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmAnswererTest {

    private final Retrieval retrieval = new Retrieval("q", List.of(), List.of(
            new ScoredSentence("d", 3, 0, 10, "China agreed.", 0.9, 0.9, 0.9),
            new ScoredSentence("d", 1, 20, 30, "Trump threatened.", 0.8, 0.8, 0.8)));
    private final CitationPrompt prompt = new CitationPrompt(id -> Optional.empty(), 12, 0.25);

    private static ChatModel unused() {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new AssertionError("not used");
            }
        };
    }

    /** A model that streams one piece, then nothing more until cancelled. */
    private static final class HangingStream implements StreamingChatModel {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            StreamingHandle handle = new StreamingHandle() {
                @Override
                public void cancel() {
                    cancelled.set(true);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
            new Thread(() -> {
                handler.onPartialResponse(new PartialResponse("China agreed [1]. "), new PartialResponseContext(handle));
                started.countDown();
            }).start();
        }
    }

    @Test
    void a_client_that_leaves_cancels_the_model_stream() throws Exception {
        // given a stream that has begun and a client that then goes away
        HangingStream model = new HangingStream();
        LlmAnswerer answerer = new LlmAnswerer(unused(), model, ModelCalls.direct(), prompt, "m", Duration.ofSeconds(30));
        AtomicBoolean gone = new AtomicBoolean();
        List<String> received = new ArrayList<>();
        Answerer.Sink sink = new Answerer.Sink() {
            @Override
            public void sources(List<ScoredSentence> sources) {
            }

            @Override
            public void text(String delta) {
                received.add(delta);
                gone.set(true);
            }

            @Override
            public boolean cancelled() {
                return gone.get();
            }
        };

        // when / then
        assertThrows(CancellationException.class, () -> answerer.answer("q", retrieval, sink));
        assertTrue(model.started.await(5, TimeUnit.SECONDS));
        assertTrue(model.cancelled.get(), "the model's stream was cancelled");
        assertEquals(List.of("China agreed [1]. "), received);
    }

    @Test
    void numbers_sources_in_reading_order_within_an_article() {
        List<ScoredSentence> sources = prompt.select(retrieval);

        assertEquals(List.of(1, 3), sources.stream().map(ScoredSentence::sentenceIndex).toList());
        String user = ((dev.langchain4j.data.message.UserMessage) prompt.messages("Who agreed?", sources).get(1)).singleText();
        // sentence 2 lies between them: a gap line says so (passages that do not touch)
        assertTrue(user.contains("[1] Trump threatened.\n…\n[2] China agreed.\n"), user);
    }

    @Test
    void holds_back_nothing_but_the_abstention_word() {
        ChatModel chat = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("  **NO_ANSWER**")).build();
            }
        };
        LlmAnswerer answerer = new LlmAnswerer(chat, null, ModelCalls.direct(), prompt, "m", Duration.ofSeconds(5));

        Answerer.Draft draft = answerer.answer("q", retrieval);

        assertTrue(draft.abstained());
        assertEquals(List.of(), draft.cited());
        assertTrue(CitationPrompt.mayBeAbstention("NO_AN"));
        assertTrue(!CitationPrompt.mayBeAbstention("No, China"));
    }
}
