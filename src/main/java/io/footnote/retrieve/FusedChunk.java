package io.footnote.retrieve;

import io.footnote.domain.Chunk;

/**
 * A chunk after reciprocal rank fusion: its fused score and its 1-based rank in each list (0 = absent, or
 * unknown when the index fused the lists itself).
 */
public record FusedChunk(Chunk chunk, double score, int textRank, int vectorRank) {

    /** True when either search ranked it among its first {@code leaders}. */
    public boolean leads(int leaders) {
        return textRank > 0 && textRank <= leaders || vectorRank > 0 && vectorRank <= leaders;
    }
}
