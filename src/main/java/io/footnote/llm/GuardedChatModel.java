package io.footnote.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

/** A {@link ChatModel} whose every call goes through the service's retry and circuit-breaker policy. */
public final class GuardedChatModel implements ChatModel {

    private final ChatModel delegate;
    private final ModelCalls calls;

    public GuardedChatModel(ChatModel delegate, ModelCalls calls) {
        this.delegate = delegate;
        this.calls = calls;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        try {
            return calls.call(() -> delegate.chat(request));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }
}
