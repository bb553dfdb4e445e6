package io.footnote.retrieve;

import io.footnote.domain.Chunk;

/**
 * A chunk after reciprocal rank fusion: its fused score and its 1-based rank in each list (0 = absent, or
 * unknown when the index fused the lists itself).
 */
public record FusedChunk(Chunk chunk, double score, int textRank, int vectorRank) {
}
