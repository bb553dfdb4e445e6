package io.footnote.index;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;

import java.util.List;

/**
 * A document as the index holds it: the article, its chunks, and the embedding of each sentence
 * ({@code sentenceVectors[i]} belongs to sentence {@code i}; unit length).
 *
 * @param stamp the stamp of the file the article was read from, written with it so a later sync can tell
 *              the file unchanged without reading it; {@code null} when not known. Only writes carry it: an
 *              article read back from the index has none (the sync reads stamps by {@link ArticleStore#versions})
 */
public record IndexedDocument(Document document, List<Chunk> chunks, float[][] sentenceVectors, FileStamp stamp) {

    /** An article without a file stamp. */
    public IndexedDocument(Document document, List<Chunk> chunks, float[][] sentenceVectors) {
        this(document, chunks, sentenceVectors, null);
    }

    public IndexedDocument {
        chunks = List.copyOf(chunks);
        if (sentenceVectors.length != document.sentences().size()) {
            throw new IllegalArgumentException("one vector per sentence expected for " + document.id());
        }
    }
}
