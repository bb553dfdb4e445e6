package io.footnote.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/**
 * Every setting of the service, under the {@code footnote.} prefix. Each can be set in
 * {@code application.properties}, in {@code .env}, or as an environment variable
 * ({@code footnote.corpus.path} → {@code FOOTNOTE_CORPUS_PATH}).
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

    interface Corpus {
        /** Folder whose files are indexed at start-up (recursively). */
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
        String model();

        /** Threads that embed in parallel; each runs one single-threaded ONNX inference at a time. 0 = one per core. */
        @WithDefault("0")
        int threads();

        /** Texts embedded per batch during ingestion. */
        @WithDefault("64")
        int batchSize();
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

        /** A further sentence is quoted only when its score is at least this share of the best one's. */
        @WithDefault("0.85")
        double relativeScore();
    }

    interface Question {
        /** Longest accepted question, in characters. */
        @WithDefault("2000")
        int maxLength();

        /** Most history turns accepted with a question. */
        @WithDefault("50")
        int maxHistory();
    }
}
