package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.index.ChunkHit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void a_chunk_one_search_ranks_first_stays_among_the_fused_top_when_the_other_search_misses_it() {
        // given BM25 ranks "answer" first, and both searches agree on eight other chunks that k-NN ranks first
        List<ChunkHit> text = new ArrayList<>(List.of(hit("answer", 0)));
        List<ChunkHit> vector = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            text.add(hit("other" + i, 0));
            vector.add(hit("other" + i, 0));
        }
        List<FusedChunk> fused = new RankFusion(60).fuse(text, vector);

        // when the fused list is cut to the top 8
        List<String> plain = RankFusion.keepLeaders(fused, 8, 0).stream().map(f -> f.chunk().documentId()).toList();
        List<String> kept = RankFusion.keepLeaders(fused, 8, 1).stream().map(f -> f.chunk().documentId()).toList();

        // then reciprocal rank alone drops it (1/61 against at least 1/69 + 1/68), the leader rule keeps it in
        // place of the last of the others
        assertEquals(false, plain.contains("answer"));
        assertEquals(8, kept.size());
        assertEquals(true, kept.contains("answer"));
        assertEquals(false, kept.contains("other7"));
    }

    @Test
    void the_fused_top_keeps_every_leader_and_otherwise_the_best_fused_chunks() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            // given two random rankings over a random pool of chunks
            int pool = 1 + random.nextInt(60);
            List<ChunkHit> text = ranking(random, pool);
            List<ChunkHit> vector = ranking(random, pool);
            List<FusedChunk> fused = new RankFusion(60).fuse(text, vector);
            int topK = 1 + random.nextInt(12);
            int leaders = random.nextInt(3);

            // when the fused list is cut to topK keeping each list's leaders
            List<FusedChunk> top = RankFusion.keepLeaders(fused, topK, leaders);

            // then it has topK chunks (or all there are), ordered by fused score, each chunk once
            String why = "seed " + seed + ", round " + round;
            assertEquals(Math.min(topK, fused.size()), top.size(), why);
            Set<String> ids = new HashSet<>();
            top.forEach(f -> ids.add(f.chunk().id()));
            assertEquals(top.size(), ids.size(), why);
            for (int i = 1; i < top.size(); i++) {
                assertTrue(top.get(i - 1).score() >= top.get(i).score(), why);
            }
            // each leader is in it when there is room for all of them
            if (topK >= 2 * leaders) {
                for (List<ChunkHit> list : List.of(text, vector)) {
                    for (ChunkHit h : list.subList(0, Math.min(leaders, list.size()))) {
                        assertTrue(ids.contains(h.chunk().id()), why + ": leader " + h.chunk().id() + " missing");
                    }
                }
            }
            // and a chunk left out is no better than every non-leader kept
            List<FusedChunk> rest = fused.stream().filter(f -> !ids.contains(f.chunk().id())).toList();
            List<FusedChunk> keptOthers = top.stream().filter(f -> !f.leads(leaders)).toList();
            if (!rest.isEmpty() && !keptOthers.isEmpty()) {
                double bestLeftOut = rest.stream().mapToDouble(FusedChunk::score).max().orElseThrow();
                double worstKept = keptOthers.stream().mapToDouble(FusedChunk::score).min().orElseThrow();
                assertTrue(bestLeftOut <= worstKept, why);
            }
        }
    }

    private static List<ChunkHit> ranking(Random random, int pool) {
        List<ChunkHit> hits = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            if (random.nextInt(3) > 0) {
                hits.add(hit("d" + i, 0));
            }
        }
        java.util.Collections.shuffle(hits, random);
        return hits;
    }
}
