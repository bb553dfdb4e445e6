package io.footnote;

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
import io.footnote.index.EmbeddingModels;
import io.footnote.index.IndexedDocument;
import io.footnote.index.ArticleIndex;
import io.footnote.index.LuceneIndex;
import io.footnote.index.OpenSearchIndex;
import io.footnote.index.OnnxEncoder;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.footnote.retrieve.HybridContentRetriever;
import io.footnote.retrieve.RankFusion;
import io.footnote.retrieve.SentenceRetriever;
import io.footnote.llm.GuardedChatModel;
import io.footnote.llm.GuardedModelCalls;
import io.footnote.llm.LlmClients;
import io.footnote.llm.LlmProvider;
import io.footnote.llm.LlmStatus;
import io.footnote.domain.Document;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The whole question-answering pipeline assembled from {@link FootnoteConfig}, outside any container: the
 * web service and the evaluation command build it the same way, so what is evaluated is what is served.
 * Owns the embedding threads and the index; close it to release both.
 */
public final class Pipeline implements AutoCloseable {

    private final FootnoteConfig config;
    private final ExecutorService embedPool;
    private final ArticleIndex index;
    private final DocumentFormats formats = DocumentFormats.standard();
    private final CorpusIngester ingester;
    private final SentenceRetriever retriever;
    private final AnswerService answers;
    private final AnswerService extractiveAnswers;
    private final LlmStatus llm;

    private Pipeline(FootnoteConfig config) {
        this.config = config;
        EmbeddingModels.Known model = EmbeddingModels.Known.byName(config.embedding().model());
        int threads = config.embedding().threads() > 0 ? config.embedding().threads()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.embedPool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "footnote-embed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            OnnxEncoder embeddings = EmbeddingModels.load(model, embedPool);
            CorpusIngester.SentenceVectors sentenceVectors = CorpusIngester.effective(embeddings,
                    CorpusIngester.SentenceVectors.byName(config.embedding().sentenceVectors()));
            this.index = openIndex(config, CorpusIngester.signature(model.configName(), config.chunking().maxTokens(),
                    config.chunking().overlapSentences(), sentenceVectors), embeddings.dimension());
            ArticleReader reader = new ArticleReader(formats, new ArticleCleaner(), new SentenceSplitter());
            Chunker chunker = new Chunker(EmbeddingModels.tokenCounter(model), config.chunking().maxTokens(),
                    config.chunking().overlapSentences());
            this.ingester = new CorpusIngester(index, embeddings, sentenceVectors, reader, formats, chunker,
                    config.embedding().batchSize(), new CorpusIngester.Limits(
                    config.ingest().maxFileSize().asLongValue(), config.ingest().commitInterval()));
            HybridContentRetriever chunks = new HybridContentRetriever(index, embeddings, model.queryPrefix(),
                    new RankFusion(config.retrieval().rrfK()), config.retrieval().mode(),
                    config.retrieval().candidates(), config.retrieval().topK());
            this.retriever = new DefaultSentenceRetriever(index, chunks);
            Function<String, Optional<Document>> documents = id -> index.document(id).map(IndexedDocument::document);
            ExtractiveAnswerer extractive = new ExtractiveAnswerer(config.answering().maxSentences(),
                    config.answering().minScore(), config.answering().relativeScore());
            Answerer answerer = extractive;
            Answerer fallback = null;
            QueryTransformer rewriter = new FollowUpQueryTransformer();
            LlmStatus status = null;
            if (LlmProvider.byName(config.llm().provider()) != LlmProvider.NONE) {
                // The model writes; the extractive answerer stands in whenever the model fails.
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
            }
            this.llm = status;
            SupportScorer scorer = new SupportScorer(text -> embeddings.embed(text).content().vector());
            SentenceSplitter splitter = new SentenceSplitter();
            ClaimVerifier claims = new ClaimVerifier(scorer, config.verification().minSupport());
            AnswerService.Limits limits = new AnswerService.Limits(config.question().maxLength(),
                    config.question().maxHistory(), config.retrieval().topK(), config.retrieval().candidates());
            this.answers = new AnswerService(retriever, answerer, fallback, rewriter, documents, splitter::split,
                    claims, limits);
            // Same retrieval and checks, but no language model anywhere: neither writing nor rewriting follow-ups.
            this.extractiveAnswers = status == null ? answers : new AnswerService(retriever, extractive, null,
                    new FollowUpQueryTransformer(), documents, splitter::split, claims, limits);
        } catch (RuntimeException | Error e) {
            embedPool.shutdownNow();
            throw e;
        }
    }

    /** The configured index backend ({@code footnote.index.backend}). */
    private static ArticleIndex openIndex(FootnoteConfig config, String signature, int dimension) {
        String backend = config.index().backend().strip().toLowerCase(java.util.Locale.ROOT);
        return switch (backend) {
            case "lucene" -> LuceneIndex.open(config.data().path().resolve("index"), signature, dimension);
            case "opensearch" -> OpenSearchIndex.open(openSearch(config.opensearch()), signature, dimension);
            default -> throw new IllegalArgumentException("footnote.index.backend must be lucene or opensearch, not "
                    + config.index().backend());
        };
    }

    static OpenSearchIndex.Settings openSearch(FootnoteConfig.OpenSearch os) {
        String hybrid = os.hybrid().strip().toLowerCase(java.util.Locale.ROOT);
        if (!hybrid.equals("client") && !hybrid.equals("server")) {
            throw new IllegalArgumentException("footnote.opensearch.hybrid must be client or server, not " + os.hybrid());
        }
        return new OpenSearchIndex.Settings(java.util.Arrays.stream(os.hosts().split(",")).map(String::strip)
                .filter(h -> !h.isEmpty()).toList(), os.username(), os.password(), os.indexName(), os.shards(),
                os.replicas(), hybrid.equals("server"), os.timeout(), os.maxRetries(), os.bulkArticles(), os.cacheTtl());
    }

    /** Loads the embedding model and opens (or creates) the index; ingests nothing yet. */
    public static Pipeline open(FootnoteConfig config) {
        return new Pipeline(config);
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
        return Optional.ofNullable(llm);
    }

    @Override
    public void close() {
        try {
            index.close();
        } finally {
            embedPool.shutdownNow();
        }
    }
}
