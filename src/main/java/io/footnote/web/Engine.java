package io.footnote.web;

import io.footnote.answer.AnswerService;
import io.footnote.answer.ExtractiveAnswerer;
import io.footnote.answer.FollowUpQueryTransformer;
import io.footnote.config.FootnoteConfig;
import io.footnote.domain.Document;
import io.footnote.index.EmbeddingModels;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import io.footnote.index.OnnxEncoder;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.CorpusFolder;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.IngestQueue;
import io.footnote.ingest.IngestStatus;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.footnote.retrieve.HybridContentRetriever;
import io.footnote.retrieve.RankFusion;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final DocumentFormats formats = DocumentFormats.standard();
    private volatile LuceneIndex index;
    private volatile AnswerService answers;
    private volatile IngestQueue ingest;
    private volatile String failure;
    private final Instant constructed = Instant.now();
    private ExecutorService embedPool;
    private ExecutorService background;
    private ScheduledExecutorService rescans;

    public Engine(FootnoteConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
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
            ingest.close();
        }
        if (index != null) {
            index.close();
        }
        if (embedPool != null) {
            embedPool.shutdownNow();
        }
    }

    private void startUp() {
        try {
            EmbeddingModels.Known model = EmbeddingModels.Known.byName(config.embedding().model());
            int threads = config.embedding().threads() > 0 ? config.embedding().threads()
                    : Runtime.getRuntime().availableProcessors();
            AtomicInteger n = new AtomicInteger();
            embedPool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "footnote-embed-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            OnnxEncoder embeddings = EmbeddingModels.load(model, embedPool);
            CorpusIngester.SentenceVectors sentenceVectors = CorpusIngester.effective(embeddings,
                    CorpusIngester.SentenceVectors.byName(config.embedding().sentenceVectors()));
            LuceneIndex idx = LuceneIndex.open(config.data().path().resolve("index"),
                    CorpusIngester.signature(model.configName(), config.chunking().maxTokens(),
                            config.chunking().overlapSentences(), sentenceVectors),
                    embeddings.dimension());
            this.index = idx;
            ArticleReader reader = new ArticleReader(formats, new ArticleCleaner(), new SentenceSplitter());
            Chunker chunker = new Chunker(EmbeddingModels.tokenCounter(model), config.chunking().maxTokens(),
                    config.chunking().overlapSentences());
            CorpusIngester ingester = new CorpusIngester(idx, embeddings, sentenceVectors, reader, formats, chunker,
                    config.embedding().batchSize(), new CorpusIngester.Limits(
                    config.ingest().maxFileSize().asLongValue(), config.ingest().commitInterval()));
            IngestQueue queue = new IngestQueue(config.corpus().path(), ingester);
            this.ingest = queue;
            IngestReport report = queue.sync("start-up", false).get();
            HybridContentRetriever chunks = new HybridContentRetriever(idx, embeddings, model.queryPrefix(),
                    new RankFusion(config.retrieval().rrfK()), config.retrieval().candidates(), config.retrieval().topK());
            this.answers = new AnswerService(new DefaultSentenceRetriever(idx, chunks),
                    new ExtractiveAnswerer(config.answering().maxSentences(), config.answering().minScore(),
                            config.answering().relativeScore()),
                    new FollowUpQueryTransformer(), id -> idx.document(id).map(IndexedDocument::document),
                    new AnswerService.Limits(config.question().maxLength(), config.question().maxHistory(),
                            config.retrieval().topK(), config.retrieval().candidates()));
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.infof("Ready %d ms after JVM start: %s indexed (%d documents, %d sentences, %d chunks; "
                            + "%d chunks re-embedded)",
                    sinceJvmStart, config.corpus().path(), report.documents(), report.sentences(), report.chunks(),
                    report.chunksEmbedded());
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
        return new CorpusFolder(config.corpus().path(), formats);
    }

    /** Largest file indexed, in bytes. */
    public long maxFileBytes() {
        return config.ingest().maxFileSize().asLongValue();
    }

    /** How long an upload request waits for its files to be indexed. */
    public java.time.Duration uploadWait() {
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
