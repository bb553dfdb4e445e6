package io.footnote.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A BERT-style ONNX embedding model as a LangChain4j {@link EmbeddingModel}, plus one thing LangChain4j's
 * in-process models cannot do: embed a chunk and, from the same forward pass, each of its sentences
 * ({@link #embedChunks}).
 *
 * <p>Why: ingestion needs a vector per chunk (for k-NN retrieval) and per sentence (for the sentence ranker).
 * Embedding every sentence again on its own doubles the model work, and the model is the whole cost of
 * ingestion. Here a sentence's vector is the mean of the model's output vectors over the sentence's own
 * tokens, read off the chunk's pass — "late chunking". The tokens are contextual (they saw the whole chunk),
 * which on SQuAD ranked the supporting sentence first as often as separately embedded sentences do
 * (hit@1 75.4% → 76.2% and 74.0% → 74.8% on two samples of ~1,000 questions); see docs/performance.md,
 * "Ingestion speed".
 * Sentence vectors pooled this way only make sense for mean-pooled models; for CLS-pooled ones
 * {@link #pooledSentences()} is false and the caller embeds sentences on their own.
 *
 * <p>A text is tokenised once (LangChain4j's encoder tokenises three times) and run as one inference on the
 * calling executor's thread; the session runs each inference single-threaded, so one inference per core
 * runs in parallel. Output equals LangChain4j's {@code OnnxBertBiEncoder}: the tokenizer file's truncation
 * applies (all-MiniLM reads the first 128 tokens, which is why chunks are at most 120), then mean (or CLS)
 * pooling over all tokens, special tokens included, then L2 normalisation. Texts longer than the model's
 * 512 positions (possible with tokenizers that do not truncate) are handed to {@code fallback}, LangChain4j's
 * encoder, which splits them.
 */
public final class OnnxEncoder extends DimensionAwareEmbeddingModel {

    /** BERT's position limit, special tokens included. */
    private static final int MAX_POSITIONS = 512;

    /** A chunk's text and its sentences' spans, as character offsets into that text. */
    public record ChunkText(String text, int[] sentenceStarts, int[] sentenceEnds) {
    }

    /**
     * The chunk's vector and one vector per sentence (unit length); a sentence's vector is null when the
     * chunk was too long to read its tokens off one pass, and the caller must embed that sentence itself.
     */
    public record ChunkVectors(float[] chunk, float[][] sentences) {
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputs;
    private final HuggingFaceTokenizer tokenizer;
    private final PoolingMode pooling;
    private final int dimension;
    private final Executor executor;
    private final EmbeddingModel fallback;

    OnnxEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, PoolingMode pooling,
                int dimension, Executor executor, EmbeddingModel fallback) {
        this.environment = environment;
        this.session = session;
        this.inputs = session.getInputNames();
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.dimension = dimension;
        this.executor = executor;
        this.fallback = fallback;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    /** Whether {@link #embedChunks} yields sentence vectors (mean-pooled models only). */
    public boolean pooledSentences() {
        return pooling == PoolingMode.MEAN;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = parallel(segments.size(), i -> {
            String text = segments.get(i).text();
            Encoding enc = tokenizer.encode(text);
            if (enc.getIds().length > MAX_POSITIONS) {
                return fallback.embed(text).content();
            }
            return Embedding.from(normalize(pool(run(enc), enc.getIds().length)));
        });
        return Response.from(out);
    }

    /**
     * Embeds each chunk, and each of its sentences from the same pass (see the class comment). Requires a
     * mean-pooled model ({@link #pooledSentences()}).
     */
    public List<ChunkVectors> embedChunks(List<ChunkText> chunks) {
        if (!pooledSentences()) {
            throw new IllegalStateException("sentence vectors pooled from chunks need a mean-pooled model");
        }
        return parallel(chunks.size(), i -> embedChunk(chunks.get(i)));
    }

    private ChunkVectors embedChunk(ChunkText chunk) {
        Encoding enc = tokenizer.encode(chunk.text());
        int n = enc.getIds().length;
        int sentenceCount = chunk.sentenceStarts().length;
        if (n > MAX_POSITIONS) {
            // One sentence longer than the model's window: LangChain4j's encoder splits it.
            float[] v = fallback.embed(chunk.text()).content().vector();
            float[][] sentences = new float[sentenceCount][];
            if (sentenceCount == 1) {
                sentences[0] = v;
            }
            return new ChunkVectors(v, sentences);
        }
        float[] states = run(enc);
        float[] chunkVector = normalize(pool(states, n));
        float[][] sums = new float[sentenceCount][];
        int[] counts = new int[sentenceCount];
        CharSpan[] spans = enc.getCharTokenSpans();
        int s = 0;
        for (int t = 0; t < n; t++) {
            CharSpan span = spans[t];
            if (span == null) {
                continue; // [CLS], [SEP]
            }
            int at = span.getStart();
            while (s < sentenceCount - 1 && at >= chunk.sentenceEnds()[s]) {
                s++;
            }
            if (at < chunk.sentenceStarts()[s] || at >= chunk.sentenceEnds()[s]) {
                continue; // between sentences (cannot happen for whitespace-free tokens, but be safe)
            }
            if (sums[s] == null) {
                sums[s] = new float[dimension];
            }
            float[] sum = sums[s];
            int base = t * dimension;
            for (int d = 0; d < dimension; d++) {
                sum[d] += states[base + d];
            }
            counts[s]++;
        }
        float[][] sentences = new float[sentenceCount][];
        for (int i = 0; i < sentenceCount; i++) {
            if (sums[i] != null) {
                sentences[i] = normalize(sums[i]); // the mean's direction; normalising makes dividing moot
            }
        }
        return new ChunkVectors(chunkVector, sentences);
    }

    /** The token output vectors of one text, flattened: token t's vector starts at {@code t * dimension}. */
    private float[] run(Encoding enc) {
        long[] shape = {1, enc.getIds().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(enc.getIds()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(enc.getAttentionMask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(enc.getTypeIds()), shape)) {
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", ids);
            in.put("attention_mask", mask);
            if (inputs.contains("token_type_ids")) {
                in.put("token_type_ids", types);
            }
            try (OrtSession.Result result = session.run(in)) {
                FloatBuffer fb = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] out = new float[fb.remaining()];
                fb.get(out);
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding inference failed", e);
        }
    }

    private float[] pool(float[] states, int tokens) {
        float[] v = new float[dimension];
        if (pooling == PoolingMode.CLS) {
            System.arraycopy(states, 0, v, 0, dimension);
            return v;
        }
        for (int t = 0; t < tokens; t++) {
            int base = t * dimension;
            for (int d = 0; d < dimension; d++) {
                v[d] += states[base + d];
            }
        }
        for (int d = 0; d < dimension; d++) {
            v[d] /= tokens;
        }
        return v;
    }

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return v;
    }

    private interface Task<T> {
        T run(int index);
    }

    /** Runs {@code task} for 0..n-1 on the executor; results in order. One item runs on the calling thread. */
    private <T> List<T> parallel(int n, Task<T> task) {
        if (n == 1) {
            return List.of(task.run(0));
        }
        List<CompletableFuture<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(CompletableFuture.supplyAsync((Supplier<T>) () -> task.run(index), executor));
        }
        List<T> out = new ArrayList<>(n);
        try {
            for (CompletableFuture<T> f : futures) {
                out.add(f.join());
            }
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return out;
    }
}
