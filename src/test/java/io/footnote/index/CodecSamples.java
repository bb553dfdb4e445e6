package io.footnote.index;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;

import java.time.LocalDate;
import java.util.List;

/** A small fixed article for index tests that need one, not a random one. */
final class CodecSamples {

    private CodecSamples() {
    }

    static IndexedDocument article(String id, int dimension) {
        String text = "The council met. It voted on the budget. The river flooded.";
        List<Sentence> sentences = List.of(new Sentence(0, 0, 16), new Sentence(1, 17, 40), new Sentence(2, 41, 59));
        List<Chunk> chunks = List.of(new Chunk(id, 0, 0, 1, 0, 40), new Chunk(id, 1, 2, 2, 41, 59));
        float[][] vectors = new float[3][dimension];
        for (int i = 0; i < 3; i++) {
            vectors[i][i] = 1f;
        }
        return new IndexedDocument(new Document(id, "Council " + id, LocalDate.of(2024, 5, 1), text, sentences,
                id + ".txt", "hash-" + id), chunks, vectors);
    }

    static List<float[]> chunkVectors(IndexedDocument d, int dimension) {
        return d.chunks().stream().map(c -> {
            float[] v = new float[dimension];
            v[(c.ordinal() + d.document().id().hashCode() % 5 + 5) % dimension] = 1f;
            return v;
        }).toList();
    }
}
