package io.footnote.embed;

import io.footnote.embed.EmbeddingModels.Known;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loads an embedding model's parts ({@link EmbeddingModels#parts}) on a thread of its own before anyone asks for
 * the model, so that the service's start does not wait for them.
 *
 * <p>Why: a start is the JVM and Quarkus booting (about 2–3 s on two cores), then the pipeline loading the model
 * (the ONNX runtime's native library, 23 MB inflated from its jar, the session, the tokenizer's native library:
 * about 0.7 s) while the index opens. None of the model's parts depends on Quarkus, so {@code FootnoteMain}
 * starts it before Quarkus boots, on the other core. The model is named by the configuration, which Quarkus has
 * not read yet at that point; the caller guesses it (system property, environment, default) and {@link #take}
 * discards a guess that turns out wrong, so a wrong guess costs CPU on a spare core, never a wrong model.
 *
 * <p>A preload is taken at most once; {@link EmbeddingModels#load} takes it from {@link #shared()}.
 */
public final class ModelPreload {

    private static final Logger LOG = Logger.getLogger(ModelPreload.class);

    /** How long the JVM's exit waits for a session being created (the ONNX runtime crashes a JVM exiting under it). */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private static final ModelPreload SHARED = new ModelPreload();

    private Known model;
    private CompletableFuture<EmbeddingModels.Parts> parts;
    private boolean started;

    ModelPreload() {
    }

    /** The process's preload, which {@link EmbeddingModels#load(Known, java.util.concurrent.Executor)} takes from. */
    public static ModelPreload shared() {
        return SHARED;
    }

    /**
     * Starts loading {@code model} on a daemon thread; does nothing when a preload was started before. The JVM's
     * exit waits (up to 30 s) for the load to leave native code.
     */
    public synchronized void start(Known model) {
        if (started) {
            return;
        }
        started = true;
        CompletableFuture<EmbeddingModels.Parts> loading = new CompletableFuture<>();
        Thread.ofPlatform().name("footnote-model-preload").daemon().start(() -> {
            try {
                loading.complete(EmbeddingModels.parts(model));
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(loading), "footnote-model-preload-exit"));
        this.model = model;
        this.parts = loading;
    }

    /**
     * The preloaded parts of {@code model}, waiting for them if they are still loading; empty when nothing was
     * preloaded, when they were taken before, when the preload failed (the caller loads the model itself and
     * meets the failure there), or when another model was preloaded (its load is awaited and its parts closed).
     */
    public synchronized Optional<EmbeddingModels.Parts> take(Known model) {
        CompletableFuture<EmbeddingModels.Parts> loading = parts;
        Known preloaded = this.model;
        parts = null;
        this.model = null;
        if (loading == null) {
            return Optional.empty();
        }
        if (preloaded != model) {
            LOG.debugf("Preloaded %s, but %s is configured: loading it instead", preloaded.configName(),
                    model.configName());
            // Closed here rather than when it completes on its own: nothing may be left inside the ONNX runtime's
            // native code while the caller goes on (the runtime crashes a JVM that exits under it).
            try {
                loading.join().close();
            } catch (CompletionException | CancellationException failed) {
                // nothing was opened
            }
            return Optional.empty();
        }
        try {
            return Optional.of(loading.join());
        } catch (CompletionException | CancellationException e) {
            LOG.debugf(e, "Preloading %s failed; loading it again", model.configName());
            return Optional.empty();
        }
    }

    private static void awaitQuietly(CompletableFuture<?> loading) {
        try {
            loading.get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing to wait for, or waited long enough
        }
    }
}
