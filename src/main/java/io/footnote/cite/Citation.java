package io.footnote.cite;

import java.time.LocalDate;

/**
 * A numbered reference from an answer to one source sentence: {@code text} is exactly
 * {@code document.text.substring(start, end)}.
 *
 * @param id        the marker number, {@code [id]} in the answer text
 * @param score     how strongly retrieval ranked the sentence for the question, in [0, 1]
 * @param supported whether the answer sentence carrying this marker is backed by the cited sentence
 *                  (see {@link SupportScorer}); {@code null} until verified
 * @param support   the support score of that pair in [0, 1]; {@code null} until verified
 */
public record Citation(int id, String documentId, String title, LocalDate date, int sentenceIndex, int start,
                       int end, String text, double score, Boolean supported, Double support) {

    /** A citation whose support has not been checked yet. */
    public Citation(int id, String documentId, String title, LocalDate date, int sentenceIndex, int start, int end,
                    String text, double score) {
        this(id, documentId, title, date, sentenceIndex, start, end, text, score, null, null);
    }

    public Citation withSupport(boolean supported, double support) {
        return new Citation(id, documentId, title, date, sentenceIndex, start, end, text, score, supported,
                Math.round(support * 1000) / 1000.0);
    }
}
