package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.index.ChunkHit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankFusionTest {

    private static ChunkHit hit(String doc, int ord) {
        return new ChunkHit(new Chunk(doc, ord, ord, ord, 0, 1), 1f);
    }

    @Test
    void fuses_by_reciprocal_rank() {
        // given BM25 ranks a, b, c and k-NN ranks c, a
        List<ChunkHit> text = List.of(hit("a", 0), hit("b", 0), hit("c", 0));
        List<ChunkHit> vector = List.of(hit("c", 0), hit("a", 0));

        // when
        List<FusedChunk> fused = new RankFusion(60).fuse(text, vector);

        // then a = 1/61 + 1/62, c = 1/63 + 1/61, b = 1/62
        assertEquals(List.of("a", "c", "b"), fused.stream().map(f -> f.chunk().documentId()).toList());
        assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(1.0 / 63 + 1.0 / 61, fused.get(1).score(), 1e-12);
        assertEquals(1.0 / 62, fused.get(2).score(), 1e-12);
        assertEquals(3, fused.get(1).textRank());
        assertEquals(1, fused.get(1).vectorRank());
        assertEquals(0, fused.get(2).vectorRank());
    }
}
