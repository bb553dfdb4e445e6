package io.footnote.domain;

import java.time.LocalDate;
import java.util.List;

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

    public String sentenceText(int index) {
        return sentences.get(index).textIn(text);
    }
}
