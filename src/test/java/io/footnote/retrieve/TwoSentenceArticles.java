package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.index.IndexedDocument;

import java.time.LocalDate;
import java.util.List;

/** Articles of two sentences with flat 4-dimensional vectors (see {@link FlatEmbeddings}), for retrieval tests. */
final class TwoSentenceArticles {

    private TwoSentenceArticles() {
    }

    /**
     * An article titled {@code title + " " + id} of the two sentences, joined by a space: one chunk over both, or
     * one chunk per sentence (so that a search can reach one sentence and not the other).
     */
    static IndexedDocument article(String id, String title, LocalDate date, String first, String second,
                                   boolean chunkPerSentence) {
        String text = first + " " + second;
        List<Sentence> sentences = List.of(new Sentence(0, 0, first.length()),
                new Sentence(1, first.length() + 1, text.length()));
        List<Chunk> chunks = chunkPerSentence
                ? List.of(new Chunk(id, 0, 0, 0, 0, first.length()), new Chunk(id, 1, 1, 1, first.length() + 1, text.length()))
                : List.of(new Chunk(id, 0, 0, 1, 0, text.length()));
        float[][] vectors = {{1, 0, 0, 0}, {1, 0, 0, 0}};
        return new IndexedDocument(new Document(id, title + " " + id, date, text, sentences, id + ".txt", "hash-" + id),
                chunks, vectors);
    }
}
