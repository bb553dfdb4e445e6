package io.footnote.web;

import dev.langchain4j.rag.query.transformer.QueryTransformer;
import io.footnote.answer.AnswerService;
import io.footnote.answer.Answerer;
import io.footnote.answer.CitationPrompt;
import io.footnote.answer.ExtractiveAnswerer;
import io.footnote.answer.FollowUpQueryTransformer;
import io.footnote.answer.LlmAnswerer;
import io.footnote.answer.LlmFollowUpTransformer;
import io.footnote.cite.ClaimVerifier;
import io.footnote.cite.SupportScorer;
import io.footnote.config.FootnoteConfig;
import io.footnote.domain.Document;
import io.footnote.index.EmbeddingModels;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.PlainTextDocumentParser;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.footnote.retrieve.HybridContentRetriever;
import io.footnote.retrieve.RankFusion;
import io.footnote.llm.GuardedChatModel;
import io.footnote.llm.GuardedModelCalls;
import io.footnote.llm.LlmClients;
import io.footnote.llm.LlmProvider;
import io.footnote.llm.LlmStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
    private volatile LlmStatus llm;
    private volatile String failure;
    private volatile CorpusIngester.Progress progress = new CorpusIngester.Progress(0, 0);
    private ExecutorService embedPool;
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
            AbstractInProcessEmbeddingModel embeddings = EmbeddingModels.load(model, embedPool);
            LuceneIndex idx = LuceneIndex.open(config.data().path().resolve("index"),
                    CorpusIngester.signature(model.configName(), config.chunking().maxTokens(),
                            config.chunking().overlapSentences()),
                    embeddings.dimension());
            ArticleReader reader = new ArticleReader(new PlainTextDocumentParser(), new ArticleCleaner(),
                    new SentenceSplitter());
            Chunker chunker = new Chunker(EmbeddingModels.tokenCounter(model), config.chunking().maxTokens(),
                    config.chunking().overlapSentences());
            CorpusIngester ingester = new CorpusIngester(idx, embeddings, reader, chunker, config.embedding().batchSize());
            IngestReport report = ingester.ingest(config.corpus().path(), p -> progress = p);
            HybridContentRetriever chunks = new HybridContentRetriever(idx, embeddings, model.queryPrefix(),
                    new RankFusion(config.retrieval().rrfK()), config.retrieval().candidates(), config.retrieval().topK());
            var documents = (java.util.function.Function<String, Optional<Document>>)
                    id -> idx.document(id).map(IndexedDocument::document);
            ExtractiveAnswerer extractive = new ExtractiveAnswerer(config.answering().maxSentences(),
                    config.answering().minScore(), config.answering().relativeScore());
            Answerer answerer = extractive;
            Answerer fallback = null;
            QueryTransformer rewriter = new FollowUpQueryTransformer();
            LlmStatus status = null;
            if (LlmProvider.byName(config.llm().provider()) != LlmProvider.NONE) {
                LlmClients clients = LlmClients.of(config.llm());
                GuardedModelCalls calls = new GuardedModelCalls(config.llm());
                answerer = new LlmAnswerer(clients.chat(), clients.streaming(), calls,
                        new CitationPrompt(documents, config.llm().maxSources(), config.llm().minSourceScore()),
                        clients.mode(), config.llm().timeout());
                fallback = extractive;
                if (config.llm().rewriteFollowUps()) {
                    rewriter = new LlmFollowUpTransformer(new GuardedChatModel(clients.chat(), calls), rewriter,
                            config.question().maxLength());
                }
                status = new LlmStatus(clients, calls);
                LOG.infof("Answers are written by %s model %s%s", clients.provider(), clients.model(),
                        clients.baseUrl() == null ? "" : " at " + clients.baseUrl());
            }
            SupportScorer scorer = new SupportScorer(text -> embeddings.embed(text).content().vector());
            SentenceSplitter splitter = new SentenceSplitter();
            this.answers = new AnswerService(new DefaultSentenceRetriever(idx, chunks), answerer, fallback, rewriter,
                    documents, splitter::split, new ClaimVerifier(scorer, config.verification().minSupport()),
                    new AnswerService.Limits(config.question().maxLength(), config.question().maxHistory(),
                            config.retrieval().topK(), config.retrieval().candidates()));
            this.llm = status;
            this.index = idx;
            this.lastReport = report;
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.infof("Indexed %s: %d documents, %d sentences, %d chunks in %d ms (%d new or changed, %d unchanged, "
                            + "%d removed, %d skipped); embedded %d chunks and %d sentences (%.1f chunks/s); "
                            + "ready %d ms after JVM start",
                    config.corpus().path(), report.documents(), report.sentences(), report.chunks(), report.millis(),
                    report.indexed(), report.unchanged(), report.removed(), report.skipped().size(),
                    report.chunksEmbedded(), report.sentencesEmbedded(), report.chunksPerSecond(), sinceJvmStart);
            report.skipped().forEach(s -> LOG.warnf("Not indexed: %s (%s)", s.path(), s.reason()));
            if (status != null) {
                status.probe();
            }
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
