package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.index.ChunkHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): {@code score(d) = Σ 1 / (k + rank_i(d))}. It needs no
 * score calibration between BM25 and cosine similarity, which live on unrelated scales.
 */
public final class RankFusion {

    private final int k;

    public RankFusion(int k) {
        this.k = k;
    }

    /** The rank constant. */
    public int k() {
        return k;
    }

    public List<FusedChunk> fuse(List<ChunkHit> text, List<ChunkHit> vector) {
        Map<String, int[]> ranks = new LinkedHashMap<>();
        Map<String, Chunk> chunks = new LinkedHashMap<>();
        for (int i = 0; i < text.size(); i++) {
            Chunk c = text.get(i).chunk();
            chunks.putIfAbsent(c.id(), c);
            ranks.computeIfAbsent(c.id(), x -> new int[2])[0] = i + 1;
        }
        for (int i = 0; i < vector.size(); i++) {
            Chunk c = vector.get(i).chunk();
            chunks.putIfAbsent(c.id(), c);
            ranks.computeIfAbsent(c.id(), x -> new int[2])[1] = i + 1;
        }
        List<FusedChunk> fused = new ArrayList<>(chunks.size());
        for (var e : ranks.entrySet()) {
            int[] r = e.getValue();
            double score = (r[0] > 0 ? 1.0 / (k + r[0]) : 0) + (r[1] > 0 ? 1.0 / (k + r[1]) : 0);
            fused.add(new FusedChunk(chunks.get(e.getKey()), score, r[0], r[1]));
        }
        // Ties (same ranks mirrored) fall back to insertion order, i.e. BM25 first: deterministic.
        fused.sort(Comparator.comparingDouble(FusedChunk::score).reversed());
        return fused;
    }

    /**
     * The best {@code topK} of {@code fused} (ordered by fused score), made to hold each search's first
     * {@code leaders} hits: reciprocal rank alone drops a chunk that one search ranks first and the other does not
     * find at all (1/61) below chunks both searches rank middling (1/68 + 1/69), however far ahead of the rest
     * the first search put it. A leader takes the place of the lowest other chunk.
     */
    public static List<FusedChunk> keepLeaders(List<FusedChunk> fused, int topK, int leaders) {
        int n = Math.min(topK, fused.size());
        List<FusedChunk> leading = new ArrayList<>();
        List<FusedChunk> others = new ArrayList<>();
        for (FusedChunk f : fused) {
            (f.leads(leaders) ? leading : others).add(f);
        }
        List<FusedChunk> top = new ArrayList<>(leading.subList(0, Math.min(n, leading.size())));
        top.addAll(others.subList(0, Math.min(n - top.size(), others.size())));
        top.sort(Comparator.comparingDouble(FusedChunk::score).reversed());
        return top;
    }
}
