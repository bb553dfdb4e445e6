package io.footnote.app;

import io.footnote.answer.AnswerService;
import io.footnote.llm.CitationPrompt;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.footnote.cite.AnswerChecker;
import io.footnote.cite.CachedEmbedder;
import io.footnote.cite.SupportScorer;
import io.footnote.config.FootnoteConfig;
import io.footnote.domain.Document;
import io.footnote.index.ArticleIndex;
import io.footnote.embed.EmbeddingModels;
import io.footnote.index.IndexedDocument;
import io.footnote.embed.OnnxEncoder;
import io.footnote.index.OpenSearchIndex;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.llm.GuardedModelCalls;
import io.footnote.llm.LlmClients;
import io.footnote.llm.LlmProvider;
import io.footnote.llm.LlmStatus;
import io.footnote.llm.ModelCalls;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.footnote.retrieve.HybridContentRetriever;
import io.footnote.retrieve.RankFusion;
import io.footnote.retrieve.SentenceRetriever;
import org.apache.lucene.util.IOUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The composition root: the whole question-answering pipeline assembled from {@link FootnoteConfig}, outside
 * any container. The web service, the evaluation command and the tests build it the same way, so what is
 * evaluated is what is served. Build it with {@link #builder(FootnoteConfig)}; every part has a default made
 * from the configuration and can be replaced (a test's own index, a stubbed model's clients).
 *
 * <p>Owns what it opened (the embedding threads, the index) and closes it in {@link #close()}. When a step of
 * {@link Builder#build()} fails, everything opened before that step is closed before the failure propagates,
 * so a bad setting never leaves an index locked. What it opens comes from {@link IndexBackends}; the answer
 * services are wired by {@link AnswerWiring}.
 */
public final class Pipeline implements java.io.Closeable {

    private final FootnoteConfig config;
    private final List<java.io.Closeable> owned;
    private final ArticleIndex index;
    private final DocumentFormats formats;
    private final CorpusIngester ingester;
    private final SentenceRetriever retriever;
    private final AnswerService answers;
    private final AnswerService extractiveAnswers;
    private final Optional<LlmStatus> llm;
    private final AnswerChecker checker;
    private final HybridContentRetriever chunkSearch;
    /** Sentence vectors the answer checker keeps (384 floats each: about 15 MB). */
    private static final int VECTOR_CACHE = 10_000;

    private Pipeline(FootnoteConfig config, List<java.io.Closeable> owned, ArticleIndex index, DocumentFormats formats,
                     CorpusIngester ingester, SentenceRetriever retriever, AnswerService answers,
                     AnswerService extractiveAnswers, Optional<LlmStatus> llm, AnswerChecker checker,
                     HybridContentRetriever chunkSearch) {
        this.config = config;
        this.owned = owned;
        this.index = index;
        this.formats = formats;
        this.ingester = ingester;
        this.retriever = retriever;
        this.answers = answers;
        this.extractiveAnswers = extractiveAnswers;
        this.llm = llm;
        this.checker = checker;
        this.chunkSearch = chunkSearch;
    }

    /** A builder whose every part defaults to what {@code config} says. */
    public static Builder builder(FootnoteConfig config) {
        return new Builder(config);
    }

    /** Loads the embedding model and opens (or creates) the configured index; ingests nothing yet. */
    public static Pipeline open(FootnoteConfig config) {
        return builder(config).build();
    }

    /** Brings the index in line with the configured corpus folder. */
    public IngestReport ingest(Consumer<CorpusIngester.Progress> progress) {
        return ingest(config.corpus().path(), progress);
    }

    /** Brings the index in line with another folder (the evaluation command's generated corpus). */
    public IngestReport ingest(Path corpus, Consumer<CorpusIngester.Progress> progress) {
        return ingester.ingest(corpus, new CorpusIngester.Listener() {
            private int total;
            private int done;

            @Override
            public void started(int files) {
                total = files;
                progress.accept(new CorpusIngester.Progress(0, total));
            }

            @Override
            public void fileDone(String path, CorpusIngester.Outcome outcome, String reason) {
                progress.accept(new CorpusIngester.Progress(++done, total));
            }
        });
    }

    public FootnoteConfig config() {
        return config;
    }

    /** The ingester, for the service's ingest queue (one pass at a time). */
    public CorpusIngester ingester() {
        return ingester;
    }

    /** The file formats indexed. */
    public DocumentFormats formats() {
        return formats;
    }

    public ArticleIndex index() {
        return index;
    }

    public SentenceRetriever retriever() {
        return retriever;
    }

    /** Answers by the configured answerer (the model when one is configured, else extractive). */
    public AnswerService answers() {
        return answers;
    }

    /**
     * Answers that never involve the language model, not even to rewrite follow-ups: the extractive answerer
     * with the heuristic rewriter. The same instance as {@link #answers()} when no model is configured.
     */
    public AnswerService extractiveAnswers() {
        return extractiveAnswers;
    }

    /** The language model's status, when one is configured ({@code footnote.llm.provider} not {@code none}). */
    public Optional<LlmStatus> llm() {
        return llm;
    }

    /** Checks answers written by any system against the sources they cite ({@code POST /api/verify}). */
    public AnswerChecker checker() {
        return checker;
    }

    /** Closes the index and stops the embedding threads; every one is closed even when one fails. */
    @Override
    public void close() throws java.io.IOException {
        IOUtils.close(owned.reversed());
    }

    /**
     * Assembles a {@link Pipeline}. Parts left unset are made from the configuration: the embedding model
     * ({@code footnote.embedding.*}), the index ({@code footnote.index.backend}), the model clients
     * ({@code footnote.llm.*}; none when the provider is {@code none}).
     */
    public static final class Builder {
        private final FootnoteConfig config;
        private DocumentFormats formats = DocumentFormats.standard();
        private ArticleIndex index;
        private LlmClients llmClients;
        private ModelCalls modelCalls;

        private Builder(FootnoteConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Files the ingester reads (default: {@link DocumentFormats#standard()}). */
        public Builder formats(DocumentFormats formats) {
            this.formats = Objects.requireNonNull(formats);
            return this;
        }

        /**
         * An index opened by the caller, who keeps closing it (default: the configured backend, opened here
         * and closed with the pipeline). Its signature must match the configured model and chunking.
         */
        public Builder index(ArticleIndex index) {
            this.index = index;
            return this;
        }

        /** The language model's clients (default: from {@code footnote.llm.*}; none for provider {@code none}). */
        public Builder llmClients(LlmClients clients) {
            this.llmClients = clients;
            return this;
        }

        /**
         * The policy around language model calls (default: {@link GuardedModelCalls} from {@code footnote.llm.*},
         * retries and a circuit breaker, which need the Quarkus runtime; outside it, e.g. in the evaluation
         * command, {@link ModelCalls#direct()}).
         */
        public Builder modelCalls(ModelCalls calls) {
            this.modelCalls = calls;
            return this;
        }

        /** @throws RuntimeException after closing whatever it had opened, when a part cannot be made */
        public Pipeline build() {
            List<java.io.Closeable> owned = new ArrayList<>();
            try {
                return assemble(owned);
            } catch (RuntimeException | Error e) {
                IOUtils.closeWhileHandlingException(owned.reversed());
                throw e;
            }
        }

        private Pipeline assemble(List<java.io.Closeable> owned) {
            EmbeddingModels.Known model = config.embedding().model();
            CorpusIngester.SentenceVectors sentenceVectors = CorpusIngester.effective(model.pooledSentences(),
                    config.embedding().sentenceVectors());
            ExecutorService embedPool = IndexBackends.embedThreads(config);
            owned.add(embedPool::shutdownNow);
            // The index opens on a thread of its own while the model loads: they do not depend on each other
            // (the signature and dimension are the configured model's), and start-up is otherwise single-threaded.
            // Measured on the BBC corpus: the pipeline's part of a restart 0.15-0.25 s shorter on a quiet machine
            // (about 1.3 s before), 0.5-0.9 s on a loaded one, where class loading and the ONNX session take longer.
            // In the service the model has usually been loaded while Quarkus booted (ModelPreload), so the index's
            // opening is what a start waits for here.
            CompletableFuture<ArticleIndex> opening = index != null ? CompletableFuture.completedFuture(index)
                    : CompletableFuture.supplyAsync(() -> IndexBackends.open(config, CorpusIngester.signature(
                            model.configName(), config.chunking().maxTokens(), config.chunking().overlapSentences(),
                            sentenceVectors), model.dimension()),
                    task -> Thread.ofPlatform().name("footnote-index-open").daemon().start(task));
            if (index == null) {
                // Closed with the pipeline, or when a later step fails — also the model's loading, while the
                // index may still be opening: joining waits for it, so nothing is left open or locked.
                owned.add(() -> {
                    ArticleIndex opened;
                    try {
                        opened = opening.join();
                    } catch (CompletionException | CancellationException e) {
                        return; // it failed to open: nothing to close
                    }
                    opened.close();
                });
            }
            OnnxEncoder embeddings = EmbeddingModels.load(model, embedPool);
            // What needs neither the index nor the model's session is made before waiting for the index: the
            // chunker's tokenizer takes about 0.2 s, which the index's opening hides.
            ArticleReader reader = new ArticleReader(formats, new ArticleCleaner(), new SentenceSplitter());
            Chunker chunker = new Chunker(EmbeddingModels.tokenCounter(model), config.chunking().maxTokens(),
                    config.chunking().overlapSentences());
            ArticleIndex articles = opened(opening);
            CorpusIngester ingester = new CorpusIngester(articles, embeddings, sentenceVectors, reader, formats,
                    chunker, config.embedding().batchSize(), new CorpusIngester.Limits(
                    config.ingest().maxFileSize().asLongValue(), config.ingest().commitInterval()));
            HybridContentRetriever chunks = new HybridContentRetriever(articles, embeddings, model.queryPrefix(),
                    new RankFusion(config.retrieval().rrfK()), config.retrieval().mode(),
                    config.retrieval().candidates(), config.retrieval().topK());
            SentenceRetriever retriever = new DefaultSentenceRetriever(articles, chunks);
            Function<String, Optional<Document>> documents =
                    id -> articles.document(id).map(IndexedDocument::document);
            AnswerChecker checker = checker(embeddings, config.verification().minSupport());
            Optional<LlmClients> clients = Optional.ofNullable(llmClients)
                    .or(() -> config.llm().provider() == LlmProvider.NONE ? Optional.empty()
                            : Optional.of(LlmClients.of(config.llm())));
            AnswerWiring.Answering answering = AnswerWiring.wire(config, retriever, documents, embeddings, chunks,
                    clients, modelCalls);
            return new Pipeline(config, owned, articles, formats, ingester, retriever, answering.answers(),
                    answering.extractive(), answering.llm(), checker, chunks);
        }
    }

    /** The index {@code opening} opens, once it has: its failure is thrown as it was thrown. */
    private static ArticleIndex opened(CompletableFuture<ArticleIndex> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * The checker of answers written by any system. It embeds every sentence a check needs in one call and
     * keeps recent vectors (sources are often cited again).
     */
    public static AnswerChecker checker(OnnxEncoder embeddings, double minSupport) {
        CachedEmbedder vectors = new CachedEmbedder(texts -> embeddings.embedAll(
                texts.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector).toList(),
                VECTOR_CACHE);
        return new AnswerChecker(new SupportScorer(vectors), vectors, new SentenceSplitter()::split, minSupport);
    }

    /** The language model's prompt built over this pipeline's index, with {@code promptTokens} as its budget. */
    public CitationPrompt prompt(int promptTokens) {
        return AnswerWiring.prompt(id -> index.document(id).map(IndexedDocument::document), chunkSearch, config, promptTokens);
    }

    /** The OpenSearch backend's settings, from {@code footnote.opensearch.*}. */
    static OpenSearchIndex.Settings openSearch(FootnoteConfig.OpenSearch os) {
        return IndexBackends.openSearch(os);
    }
}
