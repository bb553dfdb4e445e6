package io.footnote.answer;

import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Retrieval;

import java.util.List;

/**
 * Writes an answer from retrieved sentences. The caller parses its markers, renumbers and verifies them:
 * an answerer only promises that {@code [n]} in its text means the n-th of the sources it names.
 */
public interface Answerer {

    /**
     * An answer before its citations are checked.
     *
     * @param text      the answer, with markers {@code [n]} referring to {@code cited} (1-based)
     * @param abstained true when the sources do not answer the question (then nothing is cited)
     * @param cited     the numbered sources the markers refer to
     * @param complete  false when the text was cut off (e.g. at the model's token limit)
     */
    record Draft(String text, boolean abstained, List<ScoredSentence> cited, boolean complete) {

        public Draft(String text, boolean abstained, List<ScoredSentence> cited) {
            this(text, abstained, cited, true);
        }
    }

    /** Receives an answer as it is written. */
    interface Sink {

        /** Called once, before any text, with the numbered sources the markers will refer to. */
        void sources(List<ScoredSentence> sources);

        /** A piece of answer text. */
        void text(String delta);

        /** True once nobody waits for the answer any more (the client went away); the answerer may stop. */
        default boolean cancelled() {
            return false;
        }
    }

    /**
     * @param question  the standalone question
     * @param retrieval the ranked candidate sentences for it
     * @return the answer; abstains (cites nothing) when no sentence answers the question
     */
    Draft answer(String question, Retrieval retrieval);

    /**
     * Like {@link #answer(String, Retrieval)}, handing the text to {@code sink} as it is written. Unless the
     * draft abstains, the pieces given to {@code sink} concatenate to the returned draft's text.
     *
     * @throws java.util.concurrent.CancellationException when {@code sink} reported it was cancelled
     */
    default Draft answer(String question, Retrieval retrieval, Sink sink) {
        Draft d = answer(question, retrieval);
        sink.sources(d.cited());
        if (!d.abstained()) {
            sink.text(d.text());
        }
        return d;
    }

    /** Shown as the answer's {@code mode}. */
    String mode();

    /**
     * Why this answerer failed, in a few words for the reader's notice when the answer falls back to another
     * answerer ("it timed out"). An answerer that calls a model knows its failures; the default gives the message.
     */
    default String explain(Throwable failure) {
        String msg = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "error: " + (msg.length() > 160 ? msg.substring(0, 160) + "…" : msg);
    }
}
