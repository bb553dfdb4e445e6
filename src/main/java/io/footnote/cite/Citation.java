package io.footnote.cite;

import java.time.LocalDate;

/**
 * A numbered reference from an answer to one source sentence: {@code text} is exactly
 * {@code document.text.substring(start, end)}.
 *
 * @param id    the marker number, {@code [id]} in the answer text
 * @param score how strongly retrieval ranked the sentence for the question, in [0, 1]
 */
public record Citation(int id, String documentId, String title, LocalDate date, int sentenceIndex, int start,
                       int end, String text, double score) {
}
