package io.footnote.index;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;

import java.util.List;

/**
 * A document as the index holds it: the article, its chunks, and the embedding of each sentence
 * ({@code sentenceVectors[i]} belongs to sentence {@code i}; unit length).
 */
public record IndexedDocument(Document document, List<Chunk> chunks, float[][] sentenceVectors) {

    public IndexedDocument {
        chunks = List.copyOf(chunks);
        if (sentenceVectors.length != document.sentences().size()) {
            throw new IllegalArgumentException("one vector per sentence expected for " + document.id());
        }
    }
}
