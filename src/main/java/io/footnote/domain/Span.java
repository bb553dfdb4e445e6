package io.footnote.domain;

/**
 * A range of characters, {@code start} inclusive, {@code end} exclusive. Which text it indexes (a sentence, a
 * document) is said where it is used.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The same range moved {@code by} characters to the right. */
    public Span shift(int by) {
        return new Span(start + by, end + by);
    }
}
