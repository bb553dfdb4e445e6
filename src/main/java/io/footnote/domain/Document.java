package io.footnote.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An indexed article: its cleaned text (what citations point into), split into sentences.
 *
 * @param id          stable identifier derived from the file's path in the corpus
 * @param title       headline, or the first sentence when the file has none
 * @param date        publication date when the article states one, else {@code null}
 * @param text        the article text after cleaning; every offset refers to this string
 * @param sentences   sentences in order, covering the text
 * @param source      path of the file relative to the corpus folder
 * @param contentHash hash of the file's bytes, to skip unchanged files on re-ingest
 */
public record Document(String id, String title, LocalDate date, String text, List<Sentence> sentences,
                       String source, String contentHash) {

    public Document {
        sentences = List.copyOf(sentences);
    }

    /** Longest first line read as a headline (the same bound as the title taken from a file's first line). */
    public static final int MAX_HEADLINE = 160;
    /** A line that ends with a full stop, perhaps inside closing quotes or brackets: a sentence, not a headline. */
    private static final Pattern FULL_STOP_AT_END = Pattern.compile("\\.[\"”’')\\]]*$");

    public String sentenceText(int index) {
        return sentences.get(index).textIn(text);
    }

    /**
     * Whether the first sentence is a headline rather than the opening sentence of the body: it stands on a line
     * of its own, at most {@link #MAX_HEADLINE} characters, and does not end with a full stop (a question or an
     * exclamation is still a headline: "What now for British tennis?"). A file without a headline opens with
     * its lead sentence, which in news is the one that says most; what is known of headlines (they restate the
     * subject, they answer nothing) must not be held against it.
     */
    public boolean headlined() {
        if (sentences.isEmpty()) {
            return false;
        }
        Sentence first = sentences.get(0);
        if (!text.substring(0, first.start()).isBlank()) {
            return false;
        }
        int end = first.end();
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        if (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            return false; // the first line runs on into a second sentence
        }
        String line = text.substring(first.start(), first.end()).strip();
        return !line.isEmpty() && line.length() <= MAX_HEADLINE && !FULL_STOP_AT_END.matcher(line).find();
    }
}
