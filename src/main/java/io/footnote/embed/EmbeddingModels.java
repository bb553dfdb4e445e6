package io.footnote.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Executor;

/**
 * The in-process ONNX embedding models Footnote can run, loaded from their LangChain4j Maven jars.
 *
 * <p>Why not {@code new AllMiniLmL6V2QuantizedEmbeddingModel()}: that shares one ONNX session whose
 * intra-op thread pool spans every core, so two parallel {@code embed} calls fight over the same cores.
 * Here the session runs each inference on one thread and the executor runs one inference per core,
 * which embeds a batch faster on a small machine.
 */
public final class EmbeddingModels {

    /** A model known to Footnote: resources in its jar, pooling, and the prefix a query needs. */
    public enum Known {
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q.onnx",
                "/all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384, ""),
        BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "/bge-small-en-v1.5-q.onnx",
                "/bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384,
                "Represent this sentence for searching relevant passages: ");

        /** The model {@code footnote.embedding.model} names when nothing is set. */
        public static final Known DEFAULT = ALL_MINILM_L6_V2_Q;

        final String configName;
        final String modelResource;
        final String tokenizerResource;
        final PoolingMode pooling;
        final int dimension;
        final String queryPrefix;

        Known(String configName, String modelResource, String tokenizerResource, PoolingMode pooling,
              int dimension, String queryPrefix) {
            this.configName = configName;
            this.modelResource = modelResource;
            this.tokenizerResource = tokenizerResource;
            this.pooling = pooling;
            this.dimension = dimension;
            this.queryPrefix = queryPrefix;
        }

        public String configName() {
            return configName;
        }

        /** The length of its vectors, known before the model is loaded. */
        public int dimension() {
            return dimension;
        }

        /**
         * Whether its encoder pools sentence vectors from a chunk's inference ({@link OnnxEncoder#pooledSentences()}),
         * known before the model is loaded.
         */
        public boolean pooledSentences() {
            return pooling == PoolingMode.MEAN;
        }

        /** Text to put before a question so it is embedded as a search query (empty for symmetric models). */
        public String queryPrefix() {
            return queryPrefix;
        }

        public static Known byName(String name) {
            for (Known k : values()) {
                if (k.configName.equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown embedding model '" + name + "'; known: all-minilm-l6-v2-q, bge-small-en-v15-q");
        }
    }

    private EmbeddingModels() {
    }

    /**
     * Loads {@code model} with single-threaded inference; {@code executor} decides how many run at once (one
     * per core is right: each inference then has a core to itself). Takes the parts a {@link ModelPreload} made
     * ahead of time when it preloaded this model.
     */
    public static OnnxEncoder load(Known model, Executor executor) {
        return load(model, executor, ModelPreload.shared());
    }

    static OnnxEncoder load(Known model, Executor executor, ModelPreload preload) {
        Parts parts = preload.take(model).orElseGet(() -> parts(model));
        return new OnnxEncoder(parts.environment(), parts.session(), parts.tokenizer(), model.pooling,
                model.dimension, executor, new Loaded(parts.encoder(), executor, model.dimension));
    }

    /**
     * What loading a model makes before an executor is chosen: the ONNX session, Footnote's tokenizer, and
     * LangChain4j's encoder on the same session (it embeds the rare text longer than the model's window).
     */
    record Parts(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                 OnnxBertBiEncoder encoder) implements AutoCloseable {
        /** Releases the session (the environment is the process's own and stays). */
        @Override
        public void close() {
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("Cannot close the embedding model's session", e);
            } finally {
                tokenizer.close();
            }
        }
    }

    /** Reads the model's files from its jar and creates its session: most of a start's model time. */
    static Parts parts(Known model) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(resourceBytes(model.modelResource), options);
            try {
                OnnxBertBiEncoder encoder;
                try (InputStream tokenizer = resource(model.tokenizerResource)) {
                    encoder = new OnnxBertBiEncoder(env, session, tokenizer, model.pooling);
                }
                HuggingFaceTokenizer tokenizer;
                try (InputStream in = resource(model.tokenizerResource)) {
                    // As LangChain4j configures it: the tokenizer file's own truncation applies (all-MiniLM: 128
                    // tokens, the length it was trained on), so vectors are the same as LangChain4j's.
                    tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
                }
                return new Parts(env, session, tokenizer, encoder);
            } catch (IOException | RuntimeException e) {
                try {
                    session.close();
                } catch (OrtException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load embedding model " + model.configName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the model's word-piece tokens of a text, special tokens included, without truncating. */
    public static TokenCountEstimator tokenCounter(Known model) {
        try (InputStream in = resource(model.tokenizerResource)) {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(in,
                    Map.of("padding", "false", "truncation", "false"));
            return new TokenCountEstimator() {
                @Override
                public int estimateTokenCountInText(String text) {
                    return tokenizer.encode(text).getIds().length;
                }

                /** The tokens of the text a message carries (images and other media count as none). */
                @Override
                public int estimateTokenCountInMessage(ChatMessage message) {
                    String text = switch (message) {
                        case SystemMessage m -> m.text();
                        case AiMessage m -> m.text();
                        case ToolExecutionResultMessage m -> m.text();
                        case UserMessage m -> m.contents().stream().filter(TextContent.class::isInstance)
                                .map(c -> ((TextContent) c).text()).collect(Collectors.joining("\n"));
                        default -> null;
                    };
                    return text == null || text.isEmpty() ? 0 : estimateTokenCountInText(text);
                }

                @Override
                public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
                    int total = 0;
                    for (ChatMessage m : messages) {
                        total += estimateTokenCountInMessage(m);
                    }
                    return total;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EmbeddingModels.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Embedding model resource " + name + " is not on the classpath");
        }
        return in;
    }

    private static byte[] resourceBytes(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }

    private static final class Loaded extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;
        private final int dimension;

        Loaded(OnnxBertBiEncoder encoder, Executor executor, int dimension) {
            super(executor);
            this.encoder = encoder;
            this.dimension = dimension;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return dimension;
        }
    }
}
