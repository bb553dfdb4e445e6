package io.footnote.web;

import io.footnote.Pipeline;
import io.footnote.answer.AnswerService;
import io.footnote.config.FootnoteConfig;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import io.footnote.index.ArticleIndex;
import io.footnote.ingest.CorpusFolder;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestQueue;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.IngestStatus;
import io.footnote.llm.LlmProvider;
import io.footnote.llm.LlmStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline from configuration and owns its lifecycle: at start-up it opens the index and brings
 * it in line with the corpus folder on a background thread (the service is ready when that finishes); then
 * it rescans the folder periodically; at shut-down it closes the index. Every change to the index goes
 * through one {@link IngestQueue}, so start-up, rescans, uploads and deletions never race.
 */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final FootnoteConfig config;
    private final Instant constructed = Instant.now();
    private volatile ArticleIndex index;
    private volatile AnswerService answers;
    private volatile String failure;
    private volatile Pipeline pipeline;
    private volatile IngestQueue ingest;
    private volatile LlmStatus llm;
    private ExecutorService background;
    private ScheduledExecutorService rescans;

    public Engine(FootnoteConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        LlmProvider.byName(config.llm().provider()); // an unknown provider stops start-up with a clear message
        background = Executors.newSingleThreadExecutor(r -> new Thread(r, "footnote-start"));
        background.submit(this::startUp);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (rescans != null) {
            rescans.shutdownNow();
        }
        if (background != null) {
            background.shutdownNow();
        }
        if (ingest != null) {
            ingest.close(); // lets the running pass stop before the index closes under it
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private void startUp() {
        try {
            Pipeline p = Pipeline.open(config);
            this.pipeline = p;
            IngestQueue queue = new IngestQueue(config.corpus().path(), p.ingester());
            this.ingest = queue;
            IngestReport report = queue.sync("start-up", false).get();
            this.index = p.index();
            this.llm = p.llm().orElse(null); // before answers: the health check shows the model once ready
            this.answers = p.answers(); // last: ready() keys on it
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.infof("Ready %d ms after JVM start: %s indexed (%d documents, %d sentences, %d chunks; "
                            + "%d chunks embedded at start-up)",
                    sinceJvmStart, config.corpus().path(), report.documents(), report.sentences(), report.chunks(),
                    report.chunksEmbedded());
            p.llm().ifPresent(status -> {
                LOG.infof("Answers are written by %s model %s%s", status.clients().provider(), status.clients().model(),
                        status.clients().baseUrl() == null ? "" : " at " + status.clients().baseUrl());
                status.probe(); // until it returns, the health check says reachable: unknown
            });
            scheduleRescans(queue);
        } catch (ExecutionException e) {
            fail(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void fail(Throwable e) {
        failure = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        LOG.error("Footnote could not load its index", e);
    }

    private void scheduleRescans(IngestQueue queue) {
        long every = config.ingest().scanInterval().toMillis();
        if (every <= 0) {
            return;
        }
        rescans = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "footnote-rescan");
            t.setDaemon(true);
            return t;
        });
        rescans.scheduleWithFixedDelay(queue::rescanIfIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /** The language model's status, when one is configured. */
    public Optional<LlmStatus> llm() {
        return Optional.ofNullable(llm);
    }

    public boolean ready() {
        return answers != null;
    }

    /** Why start-up failed, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Progress of the running ingest pass (0/0 when none runs). */
    public CorpusIngester.Progress progress() {
        IngestQueue q = ingest;
        return q == null ? new CorpusIngester.Progress(0, 0) : q.progress();
    }

    /** Summary of the last finished ingest pass. */
    public Optional<IngestReport> lastReport() {
        IngestQueue q = ingest;
        return q == null ? Optional.empty() : q.lastReport();
    }

    /** Where ingestion stands; available from start-up on, before the index is ready. */
    public IngestStatus ingestStatus() {
        IngestQueue q = ingest;
        if (q == null) {
            // The model and index are still loading; the start-up pass has not begun.
            return new IngestStatus(failure == null, "start-up", 0, 0, 0, 0, 0, 0, null, constructed, 0, List.of(),
                    failure == null ? List.of() : List.of(new IngestStatus.Failure(Instant.now(), "start-up", failure)),
                    null, null, List.of());
        }
        return q.status();
    }

    /** @throws NotReadyException while the index is still loading */
    public IngestQueue ingest() {
        IngestQueue q = ingest;
        if (q == null || answers == null) {
            throw new NotReadyException(this);
        }
        return q;
    }

    /** The corpus folder, to write uploads into. */
    public CorpusFolder corpusFolder() {
        return new CorpusFolder(config.corpus().path(), pipeline().formats());
    }

    /** Largest file indexed, in bytes. */
    public long maxFileBytes() {
        return config.ingest().maxFileSize().asLongValue();
    }

    /** How long an upload request waits for its files to be indexed. */
    public Duration uploadWait() {
        return config.ingest().uploadWait();
    }

    /** @throws NotReadyException while the index is still loading */
    public AnswerService answers() {
        AnswerService a = answers;
        if (a == null) {
            throw new NotReadyException(this);
        }
        return a;
    }

    /**
     * Answers written by the extractive answerer whatever the configuration (no language model call).
     *
     * @throws NotReadyException while the index is still loading
     */
    public AnswerService extractiveAnswers() {
        answers();
        return pipeline.extractiveAnswers();
    }

    /** The assembled pipeline (for in-process evaluation). @throws NotReadyException while loading */
    public Pipeline pipeline() {
        Pipeline p = pipeline;
        if (p == null || answers == null) {
            throw new NotReadyException(this);
        }
        return p;
    }

    /** @throws NotReadyException while the index is still loading */
    public ArticleIndex index() {
        ArticleIndex i = index;
        if (i == null || answers == null) {
            throw new NotReadyException(this);
        }
        return i;
    }

    public Optional<Document> document(String id) {
        return index().document(id).map(IndexedDocument::document);
    }
}
