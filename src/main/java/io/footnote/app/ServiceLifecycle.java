package io.footnote.app;

import io.footnote.config.FootnoteConfig;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestQueue;
import io.footnote.llm.LlmStatus;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.RescanPacing;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.lucene.util.IOUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The running service's lifecycle. At start-up it builds the {@link Pipeline} from configuration and is ready
 * as soon as the index is open: it answers from what is committed while the start-up pass brings the index in
 * line with the corpus folder in the background ({@link State.Syncing}; its progress is in the readiness check
 * and in each answer's notice); then it rescans the folder periodically; at shut-down it stops the ingest queue before closing
 * the pipeline under it. Every change to the index goes through one {@link IngestQueue}, so start-up, rescans,
 * uploads and deletions never race.
 *
 * <p>What the service has at any moment is one immutable {@link State}, replaced whole, so readers never see
 * half of a transition. Resources do not use this class directly but the facades {@link Answers},
 * {@link Documents} and {@link Ingestion}.
 */
@ApplicationScoped
public class ServiceLifecycle {

    private static final Logger LOG = Logger.getLogger(ServiceLifecycle.class);

    /** Where start-up stands. */
    public sealed interface State {
        /** The model and index are loading. */
        record Starting() implements State {
        }

        /** The index is open: questions are answered from what it holds. */
        sealed interface Open extends State {
            Pipeline pipeline();

            IngestQueue queue();
        }

        /**
         * Serving from what is committed while the start-up pass brings the index in line with the corpus
         * folder (after a crash or on a new corpus this can take hours: answers do not wait for it).
         */
        record Syncing(Pipeline pipeline, IngestQueue queue) implements Open {
        }

        /** Serving questions, the start-up pass done. */
        record Serving(Pipeline pipeline, IngestQueue queue) implements Open {
        }

        /** Start-up failed; the service stays up to say why. */
        record Failed(String reason) implements State {
        }
    }

    /** How long shut-down waits for a start-up still loading the model and index. */
    private static final long STOP_WAIT_SECONDS = 60;

    private final FootnoteConfig config;
    private volatile State state = new State.Starting();
    // A thread of its own rather than an executor: shut-down joins it, and a joined thread is no longer alive
    // (an executor's worker may still be alive for a moment after awaitTermination returns).
    private final Thread startThread = Thread.ofPlatform().name("footnote-start").daemon().unstarted(this::startUp);
    private final ScheduledExecutorService rescans =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("footnote-rescan").daemon().factory());

    /** False in command mode ({@code eval}, {@code check}): no HTTP listener, nothing to serve. */
    private final boolean listening;

    /**
     * @param listening {@code quarkus.http.host-enabled}: when false (the evaluation commands set it) the
     *                  lifecycle never starts, so a command never opens or syncs the service's index
     */
    public ServiceLifecycle(FootnoteConfig config,
                            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean listening) {
        this.config = config;
        this.listening = listening;
    }

    void onStart(@Observes StartupEvent event) {
        if (!listening) {
            LOG.debug("No HTTP listener (a command is running): the service does not start");
            return;
        }
        startThread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        rescans.shutdownNow();
        startThread.interrupt();
        try {
            // Start-up may be inside native code (the ONNX runtime creating its session) when the service stops
            // soon after starting: the JVM must not exit under it (the runtime crashes the process), and what it
            // opens must still be closed below. The interrupt ends its wait for the start-up pass at once.
            if (startThread.isAlive() && !startThread.join(Duration.ofSeconds(STOP_WAIT_SECONDS))) {
                LOG.warnf("Start-up did not stop within %d s; shutting down anyway", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        State s = state;
        // The queue first: it lets a running pass stop before the index closes under it.
        if (s instanceof State.Open open) {
            closeAll(open.queue(), open.pipeline());
        }
    }

    private static void closeAll(IngestQueue queue, Pipeline pipeline) {
        IOUtils.closeWhileHandlingException((Closeable) queue::close, pipeline);
    }

    private void startUp() {
        Pipeline pipeline = null;
        try {
            pipeline = Pipeline.open(config);
            IngestQueue queue = new IngestQueue(config.corpus().path(), pipeline.ingester());
            if (!config.ingest().sync()) {
                state = new State.Serving(pipeline, queue);
                LOG.infof("Serving the %d articles of the index without syncing it with %s "
                        + "(footnote.ingest.sync=false)", pipeline.index().stats().documents(), config.corpus().path());
                pipeline.llm().ifPresent(LlmStatus::probe);
                return;
            }
            state = new State.Syncing(pipeline, queue);
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.infof("Ready %d ms after JVM start, serving the %d articles committed; syncing with %s",
                    sinceJvmStart, pipeline.index().stats().documents(), config.corpus().path());
            IngestReport report = queue.sync("start-up", false).get();
            state = new State.Serving(pipeline, queue);
            LOG.infof("Start-up sync done: %s indexed (%d documents, %d sentences, %d chunks; "
                            + "%d chunks embedded at start-up)",
                    config.corpus().path(), report.documents(), report.sentences(), report.chunks(),
                    report.chunksEmbedded());
            pipeline.llm().ifPresent(status -> {
                LOG.infof("Answers are written by %s model %s%s", status.clients().provider(), status.clients().model(),
                        status.clients().baseUrl() == null ? "" : " at " + status.clients().baseUrl());
                status.probe(); // until it returns, the health check says reachable: unknown
            });
            long every = config.ingest().scanInterval().toMillis();
            if (every > 0) {
                new RescanPacing(rescans, queue::rescanIfIdle, every).start();
            }
        } catch (ExecutionException e) {
            fail(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            IOUtils.closeWhileHandlingException(pipeline);
            fail(e);
        }
    }

    private void fail(Throwable e) {
        state = new State.Failed(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        LOG.error("Footnote could not load its index", e);
    }

    /** Where start-up stands now. */
    public State state() {
        return state;
    }

    /** True once the index is open and questions are answered (also while the start-up pass runs). */
    public boolean ready() {
        return state instanceof State.Open;
    }

    /** True while the start-up pass runs: answers draw on what is committed so far. */
    public boolean syncing() {
        return state instanceof State.Syncing;
    }

    /** Why start-up failed, if it did. */
    public Optional<String> failure() {
        return state instanceof State.Failed(String reason) ? Optional.of(reason) : Optional.empty();
    }

    /** The pipeline and queue, once the index is open. @throws NotReadyException before that */
    public State.Open serving() {
        if (state instanceof State.Open s) {
            return s;
        }
        throw notReady();
    }

    /** Progress of the running ingest pass (0/0 when none runs). */
    public CorpusIngester.Progress progress() {
        return queue().map(IngestQueue::progress).orElse(new CorpusIngester.Progress(0, 0));
    }

    /** The ingest queue, from the moment the index is open (also while the start-up pass runs). */
    Optional<IngestQueue> queue() {
        return state instanceof State.Open open ? Optional.of(open.queue()) : Optional.empty();
    }

    /** The refusal for a request that needs the index before it is ready, saying why. */
    NotReadyException notReady() {
        CorpusIngester.Progress p = progress();
        return new NotReadyException(failure().map(f -> "The index failed to load: " + f)
                .orElse("The index is still loading (" + p.done() + "/" + p.total() + " files); try again shortly."));
    }
}
