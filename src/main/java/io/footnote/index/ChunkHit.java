package io.footnote.index;

import io.footnote.domain.Chunk;

/** A chunk found by one search, with that search's score (BM25, or k-NN similarity in [0, 1]). */
public record ChunkHit(Chunk chunk, float score) {
}
