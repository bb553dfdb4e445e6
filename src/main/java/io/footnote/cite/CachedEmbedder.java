package io.footnote.cite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@link SupportScorer.Embedder} that remembers the vectors of recent texts and embeds many texts in one
 * call ({@link #prefetch}), so checking an answer costs one batched embedding call for every sentence it
 * needs instead of one call per sentence, and a source sentence cited again (the same article over several
 * answers) is not embedded again. Thread-safe; holds at most {@code capacity} vectors (least recently used
 * leave first).
 */
public final class CachedEmbedder implements SupportScorer.Embedder {

    private final Function<List<String>, List<float[]>> batch;
    private final Map<String, float[]> cache;

    /**
     * @param batch    embeds a list of texts, returning one vector per text in the same order
     * @param capacity most vectors kept
     */
    public CachedEmbedder(Function<List<String>, List<float[]>> batch, int capacity) {
        this.batch = batch;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Embeds, in one call, those of {@code texts} not yet known. */
    public void prefetch(Collection<String> texts) {
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String t : new LinkedHashSet<>(texts)) {
                if (!cache.containsKey(t)) {
                    missing.add(t);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<float[]> vectors = batch.apply(missing);
        synchronized (cache) {
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), vectors.get(i));
            }
        }
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] known = cache.get(text);
            if (known != null) {
                return known;
            }
        }
        prefetch(List.of(text));
        synchronized (cache) {
            float[] v = cache.get(text);
            // the capacity may be so small that it is gone again; then embed without keeping it
            return v != null ? v : batch.apply(List.of(text)).getFirst();
        }
    }

    /** Whether the vector of {@code text} is held now (without counting as a use). */
    public boolean contains(String text) {
        synchronized (cache) {
            return cache.containsKey(text);
        }
    }

    /** How many vectors are held now. */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
