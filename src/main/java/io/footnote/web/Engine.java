package io.footnote.web;

import io.footnote.Pipeline;
import io.footnote.answer.AnswerService;
import io.footnote.config.FootnoteConfig;
import io.footnote.llm.LlmProvider;
import io.footnote.llm.LlmStatus;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestReport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds the pipeline from configuration and owns its lifecycle: at start-up it opens the index and brings
 * it in line with the corpus folder on a background thread (the service is ready when that finishes); at
 * shut-down it closes the index.
 */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final FootnoteConfig config;
    private volatile LuceneIndex index;
    private volatile AnswerService answers;
    private volatile IngestReport lastReport;
    private volatile String failure;
    private volatile CorpusIngester.Progress progress = new CorpusIngester.Progress(0, 0);
    private volatile Pipeline pipeline;
    private volatile LlmStatus llm;
    private ExecutorService background;

    public Engine(FootnoteConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        LlmProvider.byName(config.llm().provider()); // an unknown provider stops start-up with a clear message
        background = Executors.newSingleThreadExecutor(r -> new Thread(r, "footnote-ingest"));
        background.submit(this::startUp);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (background != null) {
            background.shutdownNow();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private void startUp() {
        try {
            Pipeline p = Pipeline.open(config);
            this.pipeline = p;
            IngestReport report = p.ingest(progress -> this.progress = progress);
            this.index = p.index();
            this.lastReport = report;
            this.llm = p.llm().orElse(null); // before answers: the health check shows the model once ready
            this.answers = p.answers(); // last: ready() keys on it
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.infof("Indexed %s: %d documents, %d sentences, %d chunks in %d ms (%d new or changed, %d unchanged, "
                            + "%d removed, %d skipped); embedded %d chunks and %d sentences (%.1f chunks/s); "
                            + "ready %d ms after JVM start",
                    config.corpus().path(), report.documents(), report.sentences(), report.chunks(), report.millis(),
                    report.indexed(), report.unchanged(), report.removed(), report.skipped().size(),
                    report.chunksEmbedded(), report.sentencesEmbedded(), report.chunksPerSecond(), sinceJvmStart);
            report.skipped().forEach(s -> LOG.warnf("Not indexed: %s (%s)", s.path(), s.reason()));
            p.llm().ifPresent(status -> {
                LOG.infof("Answers are written by %s model %s%s", status.clients().provider(), status.clients().model(),
                        status.clients().baseUrl() == null ? "" : " at " + status.clients().baseUrl());
                status.probe(); // until it returns, the health check says reachable: unknown
            });
        } catch (RuntimeException | Error e) {
            failure = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            LOG.error("Footnote could not load its index", e);
        }
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

    public CorpusIngester.Progress progress() {
        return progress;
    }

    public Optional<IngestReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /** @throws NotReadyException while the index is still loading */
    public AnswerService answers() {
        AnswerService a = answers;
        if (a == null) {
            throw new NotReadyException(this);
        }
        return a;
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
    public LuceneIndex index() {
        LuceneIndex i = index;
        if (i == null || answers == null) {
            throw new NotReadyException(this);
        }
        return i;
    }

    public Optional<Document> document(String id) {
        return index().document(id).map(IndexedDocument::document);
    }
}
