package io.footnote.cite;

import io.footnote.domain.Sentence;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A source an answer cites, as sentences of a text: either raw text split into sentences, or a range of the
 * sentences of an indexed document. Offsets ({@link Sentence#start()}, {@link Sentence#end()}) are into
 * {@link #text()}: the raw text itself, or the whole document's text.
 *
 * @param id        the source's id as the request gave it; a marker {@code [n]} cites the source whose id is n
 * @param text      the text the offsets point into
 * @param sentences the sentences that make up the source, in order (at least one)
 */
public record SourceText(String id, String text, List<Sentence> sentences) {

    public SourceText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(sentences);
    }

    /** Raw text, split into sentences by {@code splitter}; text without a sentence yields an empty source. */
    public static SourceText raw(String id, String text, Function<String, List<Sentence>> splitter) {
        return new SourceText(id, text, splitter.apply(text));
    }

    /** Sentences {@code first..last} (inclusive, by index) of a document's sentences. */
    public static SourceText range(String id, String documentText, List<Sentence> documentSentences, int first,
                                   int last) {
        if (first < 0 || last < first || last >= documentSentences.size()) {
            throw new IllegalArgumentException("sentences " + first + ".." + last + " outside 0.."
                    + (documentSentences.size() - 1));
        }
        return new SourceText(id, documentText, documentSentences.subList(first, last + 1));
    }

    /** The text of the {@code i}-th sentence of this source (0 = its first). */
    public String sentence(int i) {
        return sentences.get(i).textIn(text);
    }
}
