package io.footnote.answer;

import io.footnote.cite.CitedAnswerBuilder;
import io.footnote.domain.ScoredSentence;
import io.footnote.domain.Sentence;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Feeds one answerer's text to a {@link CitedAnswerBuilder} and hands the finished sentences, markers
 * renumbered, to the listener.
 *
 * <p>Contract: {@link #sources} comes first and makes the builder; every piece released is non-empty and
 * reaches the listener in order; with no listener (a plain request) nothing is released but the builder still
 * fills. {@link #text} throws {@link CancellationException} once the listener reports the client gone.
 */
final class ReleasingSink implements Answerer.Sink {

    private final Function<String, List<Sentence>> splitter;
    private final AnswerService.Listener listener;
    private CitedAnswerBuilder builder;
    private boolean releasedAny;

    /** @param listener receives the released text; {@code null} when nobody streams */
    ReleasingSink(Function<String, List<Sentence>> splitter, AnswerService.Listener listener) {
        this.splitter = splitter;
        this.listener = listener;
    }

    @Override
    public void sources(List<ScoredSentence> sources) {
        builder = new CitedAnswerBuilder(splitter, sources.size());
    }

    @Override
    public void text(String delta) {
        if (cancelled()) {
            throw new CancellationException("the client went away");
        }
        release(builder.append(delta));
    }

    @Override
    public boolean cancelled() {
        return listener != null && listener.cancelled();
    }

    /** True when a listener waits for the text as it is written. */
    boolean streaming() {
        return listener != null;
    }

    /** The builder {@link #sources} made. */
    CitedAnswerBuilder builder() {
        return builder;
    }

    /** Hands {@code piece} to the listener, when there is one and the piece is not empty. */
    void release(String piece) {
        if (listener != null && !piece.isEmpty()) {
            releasedAny = true;
            listener.text(piece);
        }
    }

    /** Withdraws what was released so far, telling the listener why; nothing when nothing was released. */
    void withdraw(String reason) {
        if (listener != null && releasedAny) {
            listener.reset(reason);
            releasedAny = false;
        }
    }
}
