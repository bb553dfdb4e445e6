package io.footnote.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import io.footnote.answer.Answerer;
import io.footnote.answer.ExtractiveAnswerer;
import io.footnote.answer.UnusableAnswerException;
import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Retrieval;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Answers through a language model (any LangChain4j {@link ChatModel} / {@link StreamingChatModel}) following
 * the citation protocol of {@link CitationPrompt}. It returns the model's text as written: the caller parses,
 * renumbers and verifies the markers.
 *
 * <p>Every call goes through {@link ModelCalls} (retries, circuit breaker). A streamed answer is retried only
 * while none of it has been handed on; after that a failure is a {@link StreamBrokenException}. The whole
 * answer must arrive within {@code timeout}. When the sink reports the client gone, the model's stream is
 * cancelled and {@link CancellationException} thrown.
 */
public final class LlmAnswerer implements Answerer {

    private static final long POLL_MS = 100;

    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final ModelCalls calls;
    private final CitationPrompt prompt;
    private final String mode;
    private final Duration timeout;

    public LlmAnswerer(ChatModel chat, StreamingChatModel streaming, ModelCalls calls, CitationPrompt prompt,
                       String mode, Duration timeout) {
        this.chat = chat;
        this.streaming = streaming;
        this.calls = calls;
        this.prompt = prompt;
        this.mode = mode;
        this.timeout = timeout;
    }

    @Override
    public String explain(Throwable failure) {
        return ModelFailures.reason(failure);
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public Draft answer(String question, Retrieval retrieval) {
        List<ScoredSentence> sources = prompt.select(retrieval);
        if (sources.isEmpty()) {
            return abstention();
        }
        ChatRequest request = ChatRequest.builder().messages(prompt.messages(question, sources)).build();
        ChatResponse response = invoke(() -> chat.chat(request));
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new UnusableAnswerException("the model returned no text");
        }
        if (CitationPrompt.isAbstention(text)) {
            return abstention();
        }
        return new Draft(text, false, sources, response.finishReason() != FinishReason.LENGTH);
    }

    @Override
    public Draft answer(String question, Retrieval retrieval, Sink sink) {
        List<ScoredSentence> sources = prompt.select(retrieval);
        sink.sources(sources);
        if (sources.isEmpty()) {
            return abstention();
        }
        ChatRequest request = ChatRequest.builder().messages(prompt.messages(question, sources)).build();
        AtomicReference<Gate> gate = new AtomicReference<>();
        ChatResponse response = invoke(() -> {
            Gate g = new Gate(sink::text);
            gate.set(g);
            return stream(request, g, sink);
        });
        Gate g = gate.get();
        g.end();
        if (g.abstained()) {
            return abstention();
        }
        if (g.text().isBlank()) {
            throw new UnusableAnswerException("the model returned no text");
        }
        return new Draft(g.text(), false, sources, response.finishReason() != FinishReason.LENGTH);
    }

    private Draft abstention() {
        return new Draft(ExtractiveAnswerer.ABSTENTION, true, List.of());
    }

    private ChatResponse invoke(java.util.concurrent.Callable<ChatResponse> call) {
        try {
            return calls.call(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** One streaming attempt, waited for on the calling thread. */
    private ChatResponse stream(ChatRequest request, Gate gate, Sink sink) throws Exception {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.set(context.streamingHandle());
                onText(partial.text());
            }

            @Override
            public void onPartialResponse(String text) {
                onText(text);
            }

            private void onText(String text) {
                if (done.isDone()) {
                    cancel(handle);
                    return;
                }
                try {
                    gate.accept(text);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    cancel(handle);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (sink.cancelled()) {
                cancel(handle);
                done.cancel(false);
                throw new CancellationException("the client went away");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                cancel(handle);
                done.cancel(false);
                Exception e = new dev.langchain4j.exception.TimeoutException(
                        "no complete answer within " + timeout.toSeconds() + " s");
                throw gate.released() ? new StreamBrokenException(e) : e;
            }
            try {
                return done.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // poll again: check for cancellation and the deadline
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CancellationException c) {
                    throw c;
                }
                if (gate.released()) {
                    throw new StreamBrokenException(cause);
                }
                throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
            }
        }
    }

    private static void cancel(AtomicReference<StreamingHandle> handle) {
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) {
            h.cancel();
        }
    }

    /**
     * Holds the start of a streamed reply back until it is clear it is not the abstention word, then passes
     * text through. Keeps the whole text.
     */
    private static final class Gate {
        private final Consumer<String> downstream;
        private final StringBuilder all = new StringBuilder();
        private boolean decided;
        private boolean abstained;
        private boolean released;

        Gate(Consumer<String> downstream) {
            this.downstream = downstream;
        }

        synchronized void accept(String delta) {
            if (delta == null || delta.isEmpty()) {
                return;
            }
            all.append(delta);
            if (!decided) {
                if (CitationPrompt.mayBeAbstention(all.toString())) {
                    return;
                }
                decided = true;
                abstained = CitationPrompt.isAbstention(all.toString());
                if (!abstained) {
                    released = true;
                    downstream.accept(all.toString());
                }
                return;
            }
            if (!abstained) {
                downstream.accept(delta);
            }
        }

        /** At the end of the reply: text still held back is released unless it is the abstention word. */
        synchronized void end() {
            if (!decided) {
                decided = true;
                abstained = CitationPrompt.isAbstention(all.toString());
                if (!abstained && !all.isEmpty()) {
                    released = true;
                    downstream.accept(all.toString());
                }
            }
        }

        synchronized boolean released() {
            return released;
        }

        synchronized boolean abstained() {
            return abstained;
        }

        synchronized String text() {
            return all.toString();
        }
    }
}
