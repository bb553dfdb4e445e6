package io.footnote.bench;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.index.ArticleLookup;
import io.footnote.index.ChunkHit;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import io.footnote.support.TestCorpora;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Memory and speed of the embedded index alone at a given number of articles: not a test (run by hand, see
 * the report). Articles are synthetic, resampled from the BBC corpus's sentences (realistic lengths and
 * vocabulary); their vectors come from a STAND-IN ENCODER (seeded random unit vectors, deterministic), since
 * embedding hundreds of thousands of articles takes hours here: retrieval quality is not measured, only cost.
 *
 * <pre>
 * java -cp CP io.footnote.bench.IndexHeapProbe build DIR N   # write N articles
 * java -Xmx1g -cp CP io.footnote.bench.IndexHeapProbe open DIR  # open, query, report heap after GC
 * </pre>
 */
public final class IndexHeapProbe {

    private static final int DIMENSION = 384;
    private static final String SIGNATURE = "heap-probe stand-in encoder";

    private IndexHeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("build")) {
            build(dir, Integer.parseInt(args[2]));
        } else {
            open(dir);
        }
    }

    private static void build(Path dir, int n) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (Path f : TestCorpora.bbcArticles(TestCorpora.bbc().orElseThrow())) {
            for (String s : Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).split("(?<=[.!?])\\s+")) {
                if (s.strip().length() > 20) {
                    sentences.add(s.strip());
                }
            }
        }
        Random random = new Random(42);
        long t0 = System.nanoTime();
        try (LuceneIndex index = LuceneIndex.open(dir, SIGNATURE, DIMENSION)) {
            for (int a = 0; a < n; a++) {
                IndexedDocument d = article("syn-" + String.format(Locale.ROOT, "%07d", a), sentences, random);
                index.upsert(d, d.chunks().stream().map(c -> unit(random)).toList());
                if (a % 1000 == 999) {
                    index.commit();
                }
            }
            index.commit();
            System.out.printf(Locale.ROOT, "built %d articles in %.1f s; index %d MB%n", n,
                    (System.nanoTime() - t0) / 1e9, index.sizeOnDisk() >> 20);
        }
    }

    private static IndexedDocument article(String id, List<String> pool, Random random) {
        int count = 8 + random.nextInt(25); // BBC articles hold ~8-30 sentences
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = text.length();
            text.append(pool.get(random.nextInt(pool.size())));
            sentences.add(new Sentence(i, start, text.length()));
            text.append(' ');
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < count; first += 3) {
            int last = Math.min(count - 1, first + 2);
            chunks.add(new Chunk(id, chunks.size(), first, last, sentences.get(first).start(), sentences.get(last).end()));
        }
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            vectors[i] = unit(random);
        }
        String body = text.toString().strip();
        return new IndexedDocument(new Document(id, body.substring(0, Math.min(60, body.length())), null, body,
                sentences, id + ".txt", Integer.toHexString(body.hashCode())), chunks, vectors);
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static void open(Path dir) {
        long t0 = System.nanoTime();
        try (LuceneIndex index = LuceneIndex.open(dir, SIGNATURE, DIMENSION)) {
            double openMs = (System.nanoTime() - t0) / 1e6;
            ArticleLookup.Stats stats = index.stats();
            Random random = new Random(7);
            String[] words = {"government", "market", "film", "match", "election", "music", "growth", "players"};
            long[] ask = new long[300];
            for (int q = 0; q < ask.length; q++) {
                long s = System.nanoTime();
                List<ChunkHit> hits = new ArrayList<>(index.searchText(words[q % words.length] + " " + words[(q * 3 + 1) % words.length], 20));
                hits.addAll(index.searchVector(unit(random), 20));
                for (ChunkHit h : hits) {
                    index.document(h.chunk().documentId()).orElseThrow();
                }
                ask[q] = System.nanoTime() - s;
            }
            Arrays.sort(ask);
            long s = System.nanoTime();
            ArticleLookup.Page page = index.page(Optional.of("syn-0001000"), 200, "");
            double pageMs = (System.nanoTime() - s) / 1e6;
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "articles %d, chunks %d | index %d MB | open %.0f ms | heap after GC %.1f MB | "
                            + "search+lookup p50 %.1f ms p99 %.1f ms (1 client, stand-in vectors) | page of %d %.1f ms%n",
                    stats.documents(), stats.chunks(), index.sizeOnDisk() >> 20, openMs, heap / 1048576.0,
                    ask[ask.length / 2] / 1e6, ask[ask.length * 99 / 100] / 1e6, page.entries().size(), pageMs);
        }
    }
}
