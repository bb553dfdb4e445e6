package io.footnote.domain;

/**
 * One sentence of a document, addressed by its position and its character span in the document text
 * ({@code text.substring(start, end)}).
 */
public record Sentence(int index, int start, int end) {
    public Sentence {
        if (index < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad sentence span " + index + ": [" + start + ", " + end + ")");
        }
    }

    public String textIn(String documentText) {
        return documentText.substring(start, end);
    }
}
