package io.footnote.support;

import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The default embedding model (all-MiniLM-L6-v2, quantized), loaded once per test JVM and shared by the plain
 * (non-Quarkus) tests that need real vectors. Its two daemon threads die with the JVM, so tests neither load the
 * model again nor shut a pool down.
 */
public final class DefaultModel {

    public static final EmbeddingModels.Known MODEL = EmbeddingModels.Known.ALL_MINILM_L6_V2_Q;

    private DefaultModel() {
    }

    /** The shared executor the model runs its inferences on (also usable for loading another model in a test). */
    public static ExecutorService executor() {
        return Holder.EXECUTOR;
    }

    /** The shared, already loaded model. */
    public static OnnxEncoder encoder() {
        return Holder.ENCODER;
    }

    // Loaded on first use only (class initialisation is lazy and thread-safe).
    private static final class Holder {
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2,
                Thread.ofPlatform().daemon().name("test-embed-", 0).factory());
        static final OnnxEncoder ENCODER = EmbeddingModels.load(MODEL, EXECUTOR);
    }
}
