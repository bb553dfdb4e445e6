package io.footnote.cite;

/**
 * The part of a source that best backs a claim: one sentence, or a few adjacent ones.
 *
 * @param start   offset of its first character in the source's text
 * @param end     offset just after its last character
 * @param text    the source's text between them
 * @param support how well it backs the claim, in [0, 1] ({@link SupportScorer})
 */
public record Evidence(int start, int end, String text, double support) {
}
