package io.footnote.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.support.TestCorpora;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the embedding CPU of ingestion goes, and whether batched inference would save any of it. On a random
 * sample of BBC articles (seed printed; {@code -Dbench.seed}, {@code -Dbench.articles}, default 150), in one
 * thread so thread CPU time is exact:
 * <ul>
 *   <li>model tokens per Footnote chunk (chunker 120 tokens, one sentence overlap) and per baseline segment
 *       ({@code DocumentSplitters.recursive(500, 50)}): "chunks per CPU-second" is bound by them;</li>
 *   <li>CPU per text and per token of {@link OnnxEncoder} on both, and of LangChain4j's
 *       {@code AllMiniLmL6V2QuantizedEmbeddingModel} (its own session and thread pool, so process CPU) on the
 *       baseline's segments;</li>
 *   <li>length-sorted batches (padding only within a batch) of 1, 4, 8, 16, 32 texts in one session run: CPU per
 *       text, and how far the vectors move from one-at-a-time (max |difference|, min cosine) on a shuffled mix
 *       of lengths. all-MiniLM-L6-v2-q is dynamically quantised: its activations are quantised with one scale
 *       per tensor, so a text's vector depends on what else is in its batch; a batch of copies of one text
 *       (same scale) is printed too.</li>
 * </ul>
 * Not a test ({@code bench/} is excluded); run with
 * {@code ./mvnw -B -o test -Dtest=EmbeddingCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EmbeddingCostBenchmark {

    private static final EmbeddingModels.Known MODEL = EmbeddingModels.Known.ALL_MINILM_L6_V2_Q;
    private static final int[] BATCHES = {1, 4, 8, 16, 32};

    @Test
    void model_cost_per_text_and_token_one_at_a_time_and_in_length_sorted_batches() throws Exception {
        long seed = Long.getLong("bench.seed", System.nanoTime());
        int n = Integer.getInteger("bench.articles", 150);
        System.out.println("EmbeddingCostBenchmark seed=" + seed + " articles=" + n);
        Path bbc = TestCorpora.bbc().orElseThrow(() -> new IllegalStateException(
                "needs the BBC corpus: -Dfootnote.bbc.path=<folder> (default ../shared/corpora/bbc-news)"));
        List<Path> files = new ArrayList<>(TestCorpora.bbcArticles(bbc));
        Collections.shuffle(files, new Random(seed));
        files = files.subList(0, Math.min(n, files.size()));

        ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter());
        Chunker chunker = new Chunker(EmbeddingModels.tokenCounter(MODEL), 120, 1);
        List<String> chunks = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Document doc = reader.read(bbc.relativize(f).toString(), bytes);
            for (Chunk c : chunker.chunk(doc)) {
                chunks.add(doc.text().substring(c.start(), c.end()));
            }
            segments.addAll(DocumentSplitters.recursive(500, 50)
                    .split(dev.langchain4j.data.document.Document.from(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))));
        }
        List<String> segmentTexts = segments.stream().map(TextSegment::text).toList();
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        }
        IntSummaryStatistics chunkTokens = tokens(tokenizer, chunks);
        IntSummaryStatistics segmentTokens = tokens(tokenizer, segmentTexts);
        System.out.printf(Locale.ROOT, "Footnote chunks: %d, %.1f tokens each (%d in all); baseline segments: %d, %.1f tokens each (%d in all)%n",
                chunkTokens.getCount(), chunkTokens.getAverage(), chunkTokens.getSum(),
                segmentTokens.getCount(), segmentTokens.getAverage(), segmentTokens.getSum());

        OnnxEncoder encoder = EmbeddingModels.load(MODEL, Runnable::run); // inference on this thread
        List<TextSegment> chunkSegments = chunks.stream().map(TextSegment::from).toList();
        encoder.embedAll(chunkSegments.subList(0, Math.min(50, chunks.size()))); // warm-up
        float[][] single = measure("OnnxEncoder, Footnote chunks", chunkTokens, true,
                () -> encoder.embedAll(chunkSegments).content().stream().map(e -> e.vector()).toArray(float[][]::new));
        measure("OnnxEncoder, baseline segments", segmentTokens, true,
                () -> encoder.embedAll(segments).content().size());
        EmbeddingModel langchain = new AllMiniLmL6V2QuantizedEmbeddingModel();
        langchain.embedAll(segments.subList(0, Math.min(50, segments.size())));
        measure("LangChain4j embedAll, baseline segments (process CPU)", segmentTokens, false,
                () -> langchain.embedAll(segments).content().size());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        try (OrtSession session = env.createSession(resource("/all-minilm-l6-v2-q.onnx").readAllBytes(), options)) {
            List<Integer> mix = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                mix.add(i);
            }
            Collections.shuffle(mix, new Random(seed + 1)); // equal lengths share a batch across articles
            List<Encoding> encodings = mix.stream().map(i -> tokenizer.encode(chunks.get(i))).toList();
            float[][] reference = mix.stream().map(i -> single[i]).toArray(float[][]::new);
            Batched batched = new Batched(env, session, MODEL_DIMENSION);
            for (int b : BATCHES) {
                float[][][] out = new float[1][][];
                measure("length-sorted batches of " + b, chunkTokens, true, () -> out[0] = batched.embed(encodings, b));
                Difference d = Difference.of(reference, out[0]);
                System.out.printf(Locale.ROOT, "    vectors against one at a time: max |difference| %.2e, min cosine %.6f%n",
                        d.maxAbs(), d.minCosine());
                if (b == 1) {
                    assertTrue(d.minCosine() > 0.9999, "the batch runner reproduces the encoder one text at a time");
                }
            }
            float[][] copies = batched.embed(Collections.nCopies(8, encodings.getFirst()), 8);
            Difference same = Difference.of(new float[][]{reference[0]}, new float[][]{copies[7]});
            System.out.printf(Locale.ROOT, "batch of 8 copies of one text: max |difference| %.2e, min cosine %.6f%n",
                    same.maxAbs(), same.minCosine());
        }
    }

    private static final int MODEL_DIMENSION = 384;

    private static IntSummaryStatistics tokens(HuggingFaceTokenizer tokenizer, List<String> texts) {
        return texts.stream().mapToInt(t -> tokenizer.encode(t).getIds().length).summaryStatistics();
    }

    private static <T> T measure(String what, IntSummaryStatistics tokens, boolean threadCpu, Supplier<T> work) {
        long c0 = cpu(threadCpu);
        long w0 = System.nanoTime();
        T result = work.get();
        double cpuMs = (cpu(threadCpu) - c0) / 1e6;
        double wallMs = (System.nanoTime() - w0) / 1e6;
        System.out.printf(Locale.ROOT, "%-55s %6.2f ms CPU per text, %6.1f µs per token, %6.1f texts per CPU-second (wall %.2f ms per text)%n",
                what, cpuMs / tokens.getCount(), cpuMs * 1000 / tokens.getSum(), tokens.getCount() / (cpuMs / 1000),
                wallMs / tokens.getCount());
        return result;
    }

    private static long cpu(boolean thread) {
        return thread ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                : ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static InputStream resource(String name) {
        return EmbeddingCostBenchmark.class.getResourceAsStream(name);
    }

    private record Difference(double maxAbs, double minCosine) {
        static Difference of(float[][] a, float[][] b) {
            double max = 0;
            double minCos = 1;
            for (int i = 0; i < a.length; i++) {
                double dot = 0;
                for (int d = 0; d < a[i].length; d++) {
                    max = Math.max(max, Math.abs(a[i][d] - b[i][d]));
                    dot += a[i][d] * b[i][d];
                }
                minCos = Math.min(minCos, dot);
            }
            return new Difference(max, minCos);
        }
    }

    /** Mean-pooled, normalised vectors from length-sorted batches, each padded to its longest text only. */
    private record Batched(OrtEnvironment env, OrtSession session, int dimension) {
        float[][] embed(List<Encoding> encodings, int batch) {
            Integer[] order = new Integer[encodings.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
            float[][] out = new float[order.length][];
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(order.length, from + batch);
                int width = encodings.get(order[to - 1]).getIds().length;
                long[] ids = new long[(to - from) * width];
                long[] mask = new long[ids.length];
                long[] types = new long[ids.length];
                for (int k = from; k < to; k++) {
                    long[] own = encodings.get(order[k]).getIds();
                    System.arraycopy(own, 0, ids, (k - from) * width, own.length);
                    Arrays.fill(mask, (k - from) * width, (k - from) * width + own.length, 1L);
                }
                float[] states = run(ids, mask, types, new long[]{to - from, width});
                for (int k = from; k < to; k++) {
                    int length = encodings.get(order[k]).getIds().length;
                    float[] v = new float[dimension];
                    int base = (k - from) * width * dimension;
                    for (int t = 0; t < length; t++) {
                        for (int d = 0; d < dimension; d++) {
                            v[d] += states[base + t * dimension + d];
                        }
                    }
                    double norm = 0;
                    for (float x : v) {
                        norm += x * x;
                    }
                    for (int d = 0; d < dimension; d++) {
                        v[d] /= (float) Math.sqrt(norm);
                    }
                    out[order[k]] = v;
                }
            }
            return out;
        }

        private float[] run(long[] ids, long[] mask, long[] types, long[] shape) {
            try (OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                 OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                 OrtSession.Result r = session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t))) {
                FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[] states = new float[fb.remaining()];
                fb.get(states);
                return states;
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
