package io.footnote.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A STAND-IN ENCODER for the scale benchmark only, never for answers: a text's vector is the normalised sum
 * of one fixed pseudo-random vector per distinct lower-cased word (feature hashing), so it is deterministic,
 * costs microseconds instead of an ONNX inference, and texts sharing words get nearby vectors (the index's
 * vectors cluster as real ones do, rather than spreading uniformly, which is HNSW's worst case). It knows
 * nothing of meaning: retrieval quality over its vectors is meaningless, only costs are measured.
 */
public final class HashStandInEncoder extends DimensionAwareEmbeddingModel {

    /** How the benchmark labels vectors from this encoder in its output. */
    public static final String LABEL = "stand-in encoder (hashed bag of words, NOT a language model)";

    private final int dimension;
    private final Map<String, float[]> words = new ConcurrentHashMap<>();

    public HashStandInEncoder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>(segments.size());
        for (TextSegment s : segments) {
            out.add(Embedding.from(vector(s.text())));
        }
        return Response.from(out);
    }

    /** The unit vector of {@code text}; a text without letters or digits gets the vector of its raw string. */
    public float[] vector(String text) {
        float[] sum = new float[dimension];
        boolean any = false;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                add(sum, words.computeIfAbsent(w, this::wordVector));
                any = true;
            }
        }
        if (!any) {
            add(sum, wordVector(text));
        }
        return normalize(sum);
    }

    private float[] wordVector(String word) {
        // String.hashCode is specified by the language, so vectors are the same on every JVM.
        SplittableRandom random = new SplittableRandom(word.hashCode() * 0x9E3779B97F4A7C15L + word.length());
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static void add(float[] sum, float[] v) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float n = (float) Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
        return v;
    }
}
