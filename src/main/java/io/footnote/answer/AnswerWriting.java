package io.footnote.answer;

import io.footnote.domain.Sentence;
import io.footnote.retrieve.Retrieval;

import java.util.List;
import java.util.function.Function;

/**
 * Runs one answerer on a question and checks what it wrote.
 *
 * <p>Contract: with a streaming sink the answerer writes through it; otherwise it answers whole and its text
 * goes through the sink's builder afterwards, so both paths check the same text. A decline is passed on as it
 * is (and released whole). A written draft is finished (a cut-off last sentence dropped) and checked by
 * {@link DraftCheck}; when the check withdraws it, the listener is reset and the decline released instead.
 * Failures of the answerer or the check propagate.
 */
final class AnswerWriting {

    private final Function<String, List<Sentence>> splitter;
    private final DraftCheck check;

    AnswerWriting(Function<String, List<Sentence>> splitter, DraftCheck check) {
        this.splitter = splitter;
        this.check = check;
    }

    /** A fresh sink for one attempt, releasing to {@code listener} ({@code null} when nobody streams). */
    ReleasingSink sink(AnswerService.Listener listener) {
        return new ReleasingSink(splitter, listener);
    }

    CheckedAnswer write(Answerer writer, String question, Retrieval retrieval, QuestionArticles articles,
                        ReleasingSink sink) {
        Answerer.Draft draft = draft(writer, question, retrieval, sink);
        if (draft.abstained()) {
            sink.release(draft.text());
            return CheckedAnswer.declined(draft.text(), writer.mode(), List.of());
        }
        sink.release(sink.builder().finish(draft.complete()));
        CheckedAnswer checked = check.check(writer, draft, sink.builder(), retrieval, articles);
        if (checked.abstained()) {
            sink.withdraw(DraftCheck.SOURCES_GONE);
            sink.release(checked.text());
        }
        return checked;
    }

    private static Answerer.Draft draft(Answerer writer, String question, Retrieval retrieval, ReleasingSink sink) {
        if (sink.streaming()) {
            return writer.answer(question, retrieval, sink);
        }
        Answerer.Draft draft = writer.answer(question, retrieval);
        sink.sources(draft.cited());
        if (!draft.abstained()) {
            sink.text(draft.text());
        }
        return draft;
    }
}
