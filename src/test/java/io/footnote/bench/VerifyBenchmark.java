package io.footnote.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.footnote.cite.AnswerChecker;
import io.footnote.cite.CachedEmbedder;
import io.footnote.cite.SourceText;
import io.footnote.cite.SupportScorer;
import io.footnote.domain.Sentence;
import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Latency of checking a 3-sentence answer that cites 8 sources of 4 sentences each, the way
 * {@code POST /api/verify} does it (without HTTP), with the default embedding model on all cores.
 * <ul>
 *   <li><b>cold</b>: a new vector cache for every check, so every sentence is embedded (a first sight of the
 *       sources);</li>
 *   <li><b>warm</b>: the same sources again, as when an article is cited by several answers (only the claims
 *       change, so they are embedded each time).</li>
 * </ul>
 * Not a test: {@code bench/} is excluded from the default run. Run it with
 * {@code ./mvnw -B test -Dtest=VerifyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; it prints p50/p95.
 */
class VerifyBenchmark {

    private static final int WARMUP = 20;
    private static final int MEASURED = Integer.getInteger("bench.verify.n", 200);

    @Test
    void three_claims_eight_sources() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        OnnxEncoder encoder = EmbeddingModels.load(EmbeddingModels.Known.byName("all-minilm-l6-v2-q"), pool);
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>();
        for (String id : List.of(SeedCorpus.MAO, SeedCorpus.DINAN)) {
            String text = SeedCorpus.raw(id);
            for (Sentence s : splitter.split(text)) {
                if (s.end() - s.start() > 40) {
                    sentences.add(s.textIn(text));
                }
            }
        }
        long[] cold = new long[MEASURED];
        long[] warm = new long[MEASURED];
        long coldTexts = 0;
        long coldEmbedNanos = 0;
        long coldCpuNanos = 0;
        long coldRounds = 0;
        CachedEmbedder shared = cache(encoder);
        for (int i = -WARMUP; i < MEASURED; i++) {
            int offset = Math.floorMod(i * 7, sentences.size() - 32);
            List<SourceText> sources = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                String text = String.join(" ", sentences.subList(offset + 4 * k, offset + 4 * k + 4));
                sources.add(SourceText.raw(Integer.toString(k + 1), text, splitter::split));
            }
            // claims: a paraphrase-like cut of a source sentence, citing three sources each
            String answer = claim(sentences.get(offset + 1)) + " [1][2][3]. " + claim(sentences.get(offset + 13))
                    + " [4][5]. " + claim(sentences.get(offset + 30)) + " [6][7][8].";
            CachedEmbedder fresh = cache(encoder);
            long embeddedBefore = EMBEDDED.get();
            long embedNanosBefore = EMBED_NANOS.get();
            long callsBefore = CALLS.get();
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            new AnswerChecker(new SupportScorer(fresh), fresh, splitter::split, 0.5).check(answer, sources);
            long t1 = System.nanoTime();
            if (i >= 0) {
                coldCpuNanos += OS.getProcessCpuTime() - cpu0;
                coldTexts += EMBEDDED.get() - embeddedBefore;
                coldEmbedNanos += EMBED_NANOS.get() - embedNanosBefore;
                coldRounds += CALLS.get() - callsBefore;
            }
            AnswerChecker warmChecker = new AnswerChecker(new SupportScorer(shared), shared, splitter::split, 0.5);
            warmChecker.check(answer, sources); // sources now known
            String again = answer.replace(" [4][5].", " and more [4][5].");
            long t2 = System.nanoTime();
            warmChecker.check(again, sources);
            long t3 = System.nanoTime();
            if (i >= 0) {
                cold[i] = t1 - t0;
                warm[i] = t3 - t2;
            }
        }
        pool.shutdownNow();
        System.out.println(String.format(Locale.ROOT, "verify 3 claims x 8 sources (%d checks, %d cores): cold p50 %.1f ms"
                        + " p95 %.1f ms | warm p50 %.1f ms p95 %.1f ms", MEASURED,
                Runtime.getRuntime().availableProcessors(), pct(cold, 50), pct(cold, 95), pct(warm, 50), pct(warm, 95)));
        System.out.println(String.format(Locale.ROOT, "cold: %.1f texts embedded a check in %.1f calls, %.1f ms of it"
                        + " embedding (mean); %.1f ms of CPU a check (mean, the whole process: less sensitive than"
                        + " latency to other work on the machine)", coldTexts / (double) MEASURED,
                coldRounds / (double) MEASURED, coldEmbedNanos / 1e6 / MEASURED, coldCpuNanos / 1e6 / MEASURED));
    }

    private static String claim(String sentence) {
        String s = sentence.replaceAll("[.!?\"”]+$", "");
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    /** Texts embedded, nanoseconds spent embedding them and embedding calls, over all checks (cold and warm). */
    private static final java.util.concurrent.atomic.AtomicLong EMBEDDED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong EMBED_NANOS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong CALLS = new java.util.concurrent.atomic.AtomicLong();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static CachedEmbedder cache(OnnxEncoder encoder) {
        return new CachedEmbedder(texts -> {
            long t = System.nanoTime();
            List<float[]> out = encoder.embedAll(texts.stream().map(TextSegment::from).toList())
                    .content().stream().map(Embedding::vector).toList();
            EMBED_NANOS.addAndGet(System.nanoTime() - t);
            EMBEDDED.addAndGet(texts.size());
            CALLS.incrementAndGet();
            return out;
        }, 10_000);
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
