package io.footnote.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.quarkus.runtime.configuration.MemorySize;

import java.nio.file.Path;
import java.time.Duration;

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

    Ingest ingest();

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
        String model();

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
        String sentenceVectors();
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

        /** Below this sentence score the extractive answerer abstains. */
        @WithDefault("0.40")
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

    interface Ingest {
        /** Files larger than this are not indexed (they are listed as skipped in the ingest status). */
        @WithDefault("50M")
        MemorySize maxFileSize();

        /**
         * How often the corpus folder is rescanned for new, changed and deleted files (a periodic scan, not a
         * file-system watch: it works on every file system, and a rescan of an unchanged folder only reads
         * file sizes and dates). 0 turns rescanning off.
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
    }
}
