package io.footnote.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.quarkus.runtime.configuration.MemorySize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the service, under the {@code footnote.} prefix. Each can be set in
 * {@code application.properties}, in {@code .env}, or as an environment variable
 * ({@code footnote.corpus.path} → {@code FOOTNOTE_CORPUS_PATH}).
 *
 * <p>Longer than the project's other classes on purpose: it is the one typed mapping of all settings, and each
 * setting's javadoc here is its documentation (default, unit, what it changes), read in one place.
 */
@ConfigMapping(prefix = "footnote")
public interface FootnoteConfig {

    Corpus corpus();

    Data data();

    Embedding embedding();

    Chunking chunking();

    Retrieval retrieval();

    Answering answering();

    Question question();

    Ingest ingest();

    Llm llm();

    Verification verification();

    Index index();

    OpenSearch opensearch();

    Admin admin();

    /**
     * Keys that callers of the question endpoints ({@code /api/ask}, {@code /api/ask/stream},
     * {@code /api/documents} reads, {@code /v1/*}) must send as {@code Authorization: Bearer <key>}
     * (comma-separated). Unset (the default): those endpoints are open. The admin key is accepted too.
     */
    Optional<List<String>> apiKeys();

    RateLimit rateLimit();

    Limits limits();

    Log log();

    interface Log {
        /**
         * Console log lines as JSON objects, one a line (timestamp, level, logger, message, exception), for log
         * collectors; {@code FOOTNOTE_LOG_JSON=true}. Off: the plain pattern of {@code quarkus.log.console.format}.
         * Read by Quarkus's log set-up ({@code quarkus.log.console.json.enabled} refers to it), so the lines of
         * start-up are JSON too. The service logs no keys and no question text either way.
         */
        @WithDefault("false")
        boolean json();
    }

    interface Admin {
        /**
         * Key that the administrative endpoints (upload, delete, reindex, ingest status) require as
         * {@code Authorization: Bearer <key>}. Unset: those endpoints are refused (403), except in dev mode.
         * Compared in constant time and never logged.
         */
        Optional<String> apiKey();
    }

    interface RateLimit {
        /**
         * Requests per minute each client may make to {@code /api/*} and {@code /v1/*} (steady rate; a client
         * is its API key when it sends one, else its address). Over it: 429 with {@code Retry-After}. 0 = off.
         */
        @WithDefault("120")
        int requestsPerMinute();

        /** Requests a client may make at once before the steady rate applies. */
        @WithDefault("40")
        int burst();

        /** Clients remembered at most (least recently seen forgotten first), to bound memory. */
        @WithDefault("100000")
        int maxClients();

        /**
         * Whether clients on the loopback address are limited too. Off by default: the person running the
         * service on their own machine (a script, an evaluation, the page) is never throttled. A deployment
         * where clients reach the service through a proxy on the same host turns it on, or lets Quarkus read the
         * forwarded address ({@code quarkus.http.proxy.proxy-address-forwarding=true}) so clients are told apart.
         */
        @WithDefault("false")
        boolean loopback();
    }

    interface Limits {
        /**
         * Largest JSON request body ({@code /api/ask}, {@code /v1/chat/completions}, …); larger → 413. A JSON
         * request must state its length ({@code Content-Length}), else 411. Uploads are held to
         * {@code footnote.ingest.max-file-size} per file instead.
         */
        @WithDefault("1M")
        MemorySize maxRequestSize();
    }

    interface Corpus {
        /**
         * Folder whose files are indexed (recursively; hidden files and folders are left out). It is the
         * source of truth: uploads are written into it, deletions remove files from it, and changes made to
         * it directly are picked up by the periodic rescan.
         */
        @WithDefault("docs-corpus")
        Path path();
    }

    interface Data {
        /** Folder holding the Lucene index; created when missing. */
        @WithDefault("data")
        Path path();
    }

    interface Embedding {
        /** In-process embedding model: {@code all-minilm-l6-v2-q} or {@code bge-small-en-v15-q}. */
        @WithDefault("all-minilm-l6-v2-q")
        io.footnote.embed.EmbeddingModels.Known model();

        /** Threads that embed in parallel; each runs one single-threaded ONNX inference at a time. 0 = one per core. */
        @WithDefault("0")
        int threads();

        /** Chunks embedded per batch during ingestion (one batch is embedded while the previous is written). */
        @WithDefault("64")
        int batchSize();

        /**
         * Where each sentence's vector (used to rank sentences for citation) comes from: {@code from-chunks}
         * pools it from the chunk's own inference, so each chunk costs one inference (mean-pooled models
         * only; others use {@code separate}); {@code separate} embeds every sentence on its own, twice the
         * model work. Changing it rebuilds the index.
         */
        @WithDefault("from-chunks")
        io.footnote.ingest.CorpusIngester.SentenceVectors sentenceVectors();
    }

    interface Chunking {
        /**
         * Upper bound of a chunk in model tokens. all-MiniLM-L6-v2 silently truncates at 128 tokens
         * (including the two special tokens), so a chunk longer than that would be embedded only in part.
         */
        @WithDefault("120")
        int maxTokens();

        /** Sentences shared by consecutive chunks, so a fact spanning a chunk border is still retrievable. */
        @WithDefault("1")
        int overlapSentences();
    }

    interface Retrieval {
        /** Which searches feed the chunk ranking: {@code hybrid} (BM25 and k-NN, fused), {@code bm25} or {@code vector}. */
        @WithDefault("hybrid")
        io.footnote.retrieve.RetrievalMode mode();

        /** Chunks fetched from each of BM25 and k-NN before fusion. */
        @WithDefault("40")
        int candidates();

        /** Default number of fused chunks whose sentences are ranked ({@code topK} in a request overrides it). */
        @WithDefault("8")
        int topK();

        /** The k constant of reciprocal rank fusion. */
        @WithDefault("60")
        int rrfK();
    }

    interface Answering {
        /** Most sentences the extractive answerer quotes. */
        @WithDefault("3")
        int maxSentences();

        /**
         * Below this sentence score the extractive answerer abstains. 0.30 refuses every out-of-corpus question
         * of the golden set (their best scores are under 0.20) and fewer than 0.5% of answerable SQuAD questions.
         */
        @WithDefault("0.30")
        double minScore();

        /**
         * A further sentence is quoted only when its score is at least this share of the best one's, for a
         * retrieval without the sentence ranker's likelihoods (the default retriever gives them, and the
         * extractive answerer then compares those instead).
         */
        @WithDefault("0.85")
        double relativeScore();

        /**
         * Below this answerability (the calibrated probability that the best sentence answers the question,
         * see {@code io.footnote.retrieve.Answerability}) the extractive answerer declines and lists the
         * closest passages as {@code related}. Chosen on the SQuAD v2.0 dev half's even-numbered articles, where
         * it declines 5% of answerable questions (2% on the held-out odd-numbered ones; 10% of unanswerable).
         */
        @WithDefault("0.37")
        double minAnswerability();
    }

    interface Question {
        /** Longest accepted question, in characters. */
        @WithDefault("2000")
        int maxLength();

        /** Most history turns accepted with a question. */
        @WithDefault("50")
        int maxHistory();
    }

    interface Ingest {
        /** Files larger than this are not indexed (they are listed as skipped in the ingest status). */
        @WithDefault("50M")
        MemorySize maxFileSize();

        /**
         * How often the corpus folder is rescanned for new, changed and deleted files (a periodic scan, not a
         * file-system watch: it works on every file system, and a rescan of an unchanged folder only reads
         * file sizes and dates). The least time from the end of one rescan to the start of the next: a rescan that
         * took t is followed by max(this, 9·t), so rescans of a large folder take at most a tenth of one core
         * ({@link io.footnote.ingest.RescanPacing}). 0 turns rescanning off.
         */
        @WithDefault("10s")
        Duration scanInterval();

        /** During a long ingest the index is committed this often, so a crash loses at most this much work. */
        @WithDefault("5s")
        Duration commitInterval();

        /**
         * How long an upload request waits for its files to be indexed; after that it is answered
         * 202 Accepted and indexing goes on (see {@code GET /api/ingest/status}).
         */
        @WithDefault("60s")
        Duration uploadWait();

        /**
         * Whether this instance brings the index in line with the corpus folder: the start-up sync and the
         * rescans. Off for replicas that only serve an index another instance keeps (several services on one
         * OpenSearch index): they open the index and answer from what it holds, without reading every
         * article's content hash or the folder. Uploads and deletions still work where they are sent.
         */
        @WithDefault("true")
        boolean sync();
    }

    /**
     * The language model that writes answers. With {@code provider = none} (the default) the extractive
     * answerer quotes source sentences and nothing below is used.
     */
    interface Llm {
        /**
         * {@code none}, {@code openai} (any OpenAI-compatible server: OpenAI, vLLM, llama.cpp server, LM Studio,
         * Ollama's {@code /v1}, Mistral, Groq, …), {@code ollama} (Ollama's native API) or {@code anthropic}.
         */
        @WithDefault("none")
        io.footnote.llm.LlmProvider provider();

        /**
         * The server's base URL: for {@code openai} up to and including {@code /v1} (unset: OpenAI's own API);
         * for {@code ollama} the server root (unset: {@code http://localhost:11434}); for {@code anthropic}
         * up to and including {@code /v1} (unset: Anthropic's own API).
         */
        Optional<String> baseUrl();

        /** API key, sent as the provider expects it; leave unset for local servers that need none. */
        Optional<String> apiKey();

        /** Model name (unset: {@code gpt-4o-mini}, {@code llama3.2} or {@code claude-3-5-haiku-latest}). */
        Optional<String> model();

        /** Sampling temperature; 0 keeps answers close to the sources. */
        @WithDefault("0.0")
        double temperature();

        /** Longest wait for one whole answer (or one follow-up rewrite), per attempt. */
        @WithDefault("60s")
        Duration timeout();

        /** Most tokens the model may write for one answer; an answer cut at the limit loses its last sentence. */
        @WithDefault("1024")
        int maxTokens();

        /** Further attempts after a timeout, a 429, a 5xx or a refused connection (0 = none). */
        @WithDefault("2")
        int maxRetries();

        /** Wait before the first retry; each further retry waits twice as long. */
        @WithDefault("500ms")
        Duration retryDelay();

        /**
         * Retrieved sentences (best first, scoring at least {@code min-source-score}) that enter the prompt
         * first, each with the sentence before and after it; the rest of the budget goes to the retrieved chunks,
         * whole, then to further retrieved sentences.
         */
        @WithDefault("12")
        int maxSources();

        /** When no retrieved sentence scores this much, the model is not asked and the answer abstains. */
        @WithDefault("0.25")
        double minSourceScore();

        /**
         * Most tokens of the whole prompt (rules, numbered source sentences, question), estimated as characters
         * divided by four. Passages around the retrieved sentences are added while they fit. Chosen on SQuAD v1.1
         * dev (seed 42): 2500 puts the supporting sentence in the prompt for 97% of questions, 2000 for 96%,
         * 1500 for 95% (see docs/eval.md).
         */
        @WithDefault("2500")
        int promptTokens();

        /**
         * Chunks a wider search brings as further passages when the retrieved ones leave budget over (the
         * retrieval ranks sentences of only {@code footnote.retrieval.top-k} chunks); 0 = none.
         */
        @WithDefault("24")
        int promptChunks();

        /**
         * Fused chunks whose sentences are ranked when the model answers: the prompt's passages start from the
         * best of those sentences. Wider than {@code footnote.retrieval.top-k} (which the extractive answerer
         * ranks, and keeps small for speed), since a model reads more than one sentence: on SQuAD v1.1 dev
         * (1,000 questions) 24 puts the supporting sentence in the prompt for 0.978 / 0.972 of questions (seeds
         * 42 / 7) against 0.972 / 0.964 with 8, at the same token budget. A request's {@code topK} overrides it.
         */
        @WithDefault("24")
        int promptTopK();

        /** Whether the model rewrites follow-up questions (otherwise the heuristic does). */
        @WithDefault("true")
        boolean rewriteFollowUps();

        CircuitBreaker circuitBreaker();

        /** Stops calling a failing model for a while, answering extractively meanwhile. */
        interface CircuitBreaker {
            /** Calls in the rolling window the failure ratio is measured over. */
            @WithDefault("4")
            int requestVolume();

            /** Share of failed calls in the window that opens the breaker. */
            @WithDefault("0.75")
            double failureRatio();

            /** How long the breaker stays open before one trial call is let through. */
            @WithDefault("30s")
            Duration delay();
        }
    }

    interface Verification {
        /**
         * A citation is supported when the support score of its sentence for the answer sentence reaches this
         * (see io.footnote.cite.SupportScorer; chosen on the labelled set, see README).
         */
        @WithDefault("0.50")
        double minSupport();
    }

    interface Index {
        /**
         * Where articles are indexed and searched: {@code lucene} (embedded, under {@code footnote.data.path})
         * or {@code opensearch} (a shared cluster, see {@code footnote.opensearch.*}); the answers do not
         * depend on which.
         */
        @WithDefault("lucene")
        Backend backend();

        /** Where the index lives. */
        enum Backend {
            /** An embedded Lucene index under {@code footnote.data.path}. */
            LUCENE,
            /** An OpenSearch cluster ({@code footnote.opensearch.*}). */
            OPENSEARCH
        }
    }

    interface OpenSearch {
        /** Comma-separated node addresses of the cluster ({@code http://host:9200,...}); requests fail over among them. */
        @WithDefault("http://localhost:9200")
        List<String> hosts();

        /** User for HTTP basic authentication; none when absent. */
        Optional<String> username();

        /** Password for HTTP basic authentication. */
        Optional<String> password();

        /** Name of the index; created with the mapping on first use. Instances sharing a cluster share it. */
        @WithDefault("footnote")
        String indexName();

        /** Primary shards when the index is created (changing it later needs a reindex). */
        @WithDefault("1")
        int shards();

        /** Copies of each shard on other nodes: with 1, the loss of one node loses no data and no answers. */
        @WithDefault("1")
        int replicas();

        /**
         * Where BM25 and k-NN are fused: {@code client} (two searches in one multi-search request, fused here,
         * exactly as the embedded index does) or {@code server} (the neural-search plugin's {@code hybrid}
         * query with a reciprocal-rank-fusion search pipeline).
         */
        @WithDefault("client")
        Fusion hybrid();

        /** Where BM25 and k-NN results are fused. */
        enum Fusion {
            /** In Footnote, from one multi-search request. */
            CLIENT,
            /** In OpenSearch's search pipeline (score-ranker processor). */
            SERVER
        }

        /** Longest wait for one request before it is retried on another node or fails. */
        @WithDefault("30s")
        Duration timeout();

        /** Further attempts of a bulk request refused for load (429) or failed on a connection (0 = none). */
        @WithDefault("5")
        int maxRetries();

        /** Articles buffered before they are sent in one bulk request (they are sent at the latest on commit). */
        @WithDefault("64")
        int bulkArticles();

        /**
         * How long an article read from the cluster is reused for answers without asking again. A search hit
         * whose version differs from the cached one is always re-read, so this only bounds how long a
         * deletion by another instance can go unnoticed here.
         */
        @WithDefault("10s")
        Duration cacheTtl();
    }
}
