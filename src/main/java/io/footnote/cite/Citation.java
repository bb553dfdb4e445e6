package io.footnote.cite;

import io.footnote.domain.Span;

import java.time.LocalDate;
import java.util.List;

/**
 * A numbered reference from an answer to one source sentence: {@code text} is exactly
 * {@code document.text.substring(start, end)}.
 *
 * @param id        the marker number, {@code [id]} in the answer text
 * @param score     how strongly retrieval ranked the sentence for the question, in [0, 1]
 * @param supported whether the answer sentence carrying this marker is backed by the cited sentence
 *                  (see {@link SupportScorer}); {@code null} until verified
 * @param support   the support score of that pair in [0, 1]; {@code null} until verified
 * @param highlights the words of {@code text} that supply what the question asks for (a name, number, date,
 *                   place or reason the question does not already say), as character ranges into the
 *                   document like {@code start} and {@code end}; empty when the question asks for nothing
 *                   specific. For display only: they decide nothing.
 */
public record Citation(int id, String documentId, String title, LocalDate date, int sentenceIndex, int start,
                       int end, String text, double score, Boolean supported, Double support, List<Span> highlights) {

    public Citation {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    /** A citation whose support has not been checked yet. */
    public Citation(int id, String documentId, String title, LocalDate date, int sentenceIndex, int start, int end,
                    String text, double score) {
        this(id, documentId, title, date, sentenceIndex, start, end, text, score, null, null, List.of());
    }

    public Citation withSupport(boolean supported, double support) {
        return new Citation(id, documentId, title, date, sentenceIndex, start, end, text, score, supported,
                Math.round(support * 1000) / 1000.0, highlights);
    }

    /** This citation with {@code relative} (ranges into {@link #text()}) as its highlights. */
    public Citation withHighlights(List<Span> relative) {
        return new Citation(id, documentId, title, date, sentenceIndex, start, end, text, score, supported, support,
                relative.stream().map(s -> s.shift(start)).toList());
    }
}
