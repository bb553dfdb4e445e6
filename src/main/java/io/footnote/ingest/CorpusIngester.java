package io.footnote.ingest;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.footnote.index.ArticleLookup;
import io.footnote.index.ArticleStore;
import io.footnote.index.FileStamp;
import io.footnote.embed.OnnxEncoder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Brings the index in line with a corpus folder: new and changed files are read, chunked, embedded and
 * written; unchanged files (same content hash) are left alone, so a restart re-embeds nothing; articles
 * whose file is gone are removed. A file that cannot be read (unsupported, empty, binary, too large,
 * corrupt) is skipped and reported with the reason, never fatal.
 *
 * <p>Crash safety: each article is written as one atomic block, and the index is committed every
 * {@code commitInterval} during a pass, so after a hard kill the index opens at its last commit with whole
 * articles only, and the next pass re-embeds just the articles written after that commit.
 *
 * <p>Not thread-safe: one pass at a time (the caller serialises them). Each article is stored with the
 * {@link FileStamp} (size, modification time) of its file, so a pass, after a restart too, skips reading files
 * whose stamp is as stored; an article stored without one (by an earlier version) is read and hashed once, and
 * if unchanged only its stamp is written. Nothing per file is kept between passes; the folder is streamed.
 * A file rewritten to the same size within one tick of the file system's modification time is taken as
 * unchanged (as by any size-and-date sync) until it changes again; {@link #reindexAll} re-reads everything.
 * Within a pass the ids seen are held as 64-bit fingerprints ({@link SeenIds}, about 18 bytes an article); the
 * stored versions are looked up {@value #LOOKUP_BATCH} files at a time (none in a forced pass), so nothing else grows with the index; the
 * articles to remove are found by streaming the index's ids against the ids seen, in a normal and
 * a forced pass alike.
 *
 * <p>Embedding dominates the cost, so texts of several articles are gathered into one batch and embedded
 * in parallel by the model's executor.
 *
 * <p>This class runs a pass and owns its rules (which files, which ids, what is removed, when to commit);
 * the jobs within it are {@link FileIntake} (check, parse and chunk one file, or find it unchanged),
 * {@link BatchWriter} with {@link ArticleEmbedder} (embed and write batches of articles) and
 * {@link PassTally} (the report).
 */
public final class CorpusIngester {

    /**
     * Bump when parsing, cleaning or sentence splitting changes what is indexed: the index records it and
     * rebuilds itself when it differs, so sentence ids always match the code that cites them.
     */
    public static final int PIPELINE_VERSION = 7;

    /** Progress of a running pass: files handled so far out of the total. */
    public record Progress(int done, int total) {
    }

    /** What happened to one file in a pass. */
    public enum Outcome { INDEXED, UNCHANGED, SKIPPED }

    /** Told about a pass as it runs (on the ingesting thread; keep it quick). */
    public interface Listener {
        /** The pass will look at {@code files} files. */
        default void started(int files) {
        }

        /** One file is handled; {@code reason} is set when it was skipped. */
        default void fileDone(String path, Outcome outcome, String reason) {
        }

        /** Chunks and sentences of a batch of articles were embedded and written. */
        default void embedded(int chunks, int sentences) {
        }

        /**
         * Every file is handled and committed, and the pass hands the index to a merge into one segment: after a
         * bulk pass, or to finish a merge that a stop cut short. The merge runs on the ingester's merge executor
         * ({@link #mergingOn}): within the pass by default, or in the background.
         */
        default void merging() {
        }
    }

    /** Settings of a pass. */
    public record Limits(long maxFileBytes, Duration commitInterval) {
        public static final Limits DEFAULT = new Limits(50L * 1024 * 1024, Duration.ofSeconds(5));
    }

    /**
     * Where sentence vectors come from: pooled from the chunk's own forward pass (one inference per chunk;
     * mean-pooled models only), or embedded one sentence at a time (twice the model work).
     */
    public enum SentenceVectors {
        FROM_CHUNKS("from-chunks"), SEPARATE("separate");

        private final String configName;

        SentenceVectors(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        public static SentenceVectors byName(String name) {
            for (SentenceVectors v : values()) {
                if (v.configName.equalsIgnoreCase(name)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown sentence-vectors mode '" + name + "'; known: from-chunks, separate");
        }
    }

    private final ArticleStore store;
    private final ArticleLookup articles;
    private final ArticleEmbedder embedder;
    private final FileIntake intake;
    private final int batchSize;
    private final Limits limits;
    /** Runs a merge of the index into one segment ({@link ArticleStore#compact}); see {@link #mergingOn}. */
    private final Executor merges;

    /**
     * @param sentenceVectors {@link SentenceVectors#FROM_CHUNKS} needs an {@link OnnxEncoder} of a mean-pooled
     *                        model; with any other model it falls back to {@link SentenceVectors#SEPARATE}
     * @param batchSize       chunks embedded per batch; one batch is embedded while the previous one is written
     */
    public <I extends ArticleStore & ArticleLookup> CorpusIngester(I index, EmbeddingModel embeddings, SentenceVectors sentenceVectors,
                          ArticleReader reader, DocumentFormats formats, Chunker chunker, int batchSize, Limits limits) {
        this.store = index;
        this.articles = index;
        this.embedder = new ArticleEmbedder(embeddings, effective(embeddings, sentenceVectors));
        this.intake = new FileIntake(index, reader, formats, chunker, limits.maxFileBytes());
        this.batchSize = Math.max(1, batchSize);
        this.limits = limits;
        this.merges = Runnable::run;
    }

    private CorpusIngester(CorpusIngester base, Executor merges) {
        this.store = base.store;
        this.articles = base.articles;
        this.embedder = base.embedder;
        this.intake = base.intake;
        this.batchSize = base.batchSize;
        this.limits = base.limits;
        this.merges = merges;
    }

    /**
     * This ingester, with a bulk pass's merge of the index into one segment run by {@code merges} instead of
     * within the pass. The merge takes minutes on a large index (554 s at 200,000 articles); run in the
     * background, the pass ends when its articles are committed, and the passes after it (an upload, a rescan)
     * need not wait for the merge. The index takes writes, commits and searches while it merges.
     */
    public CorpusIngester mergingOn(Executor merges) {
        return new CorpusIngester(this, merges);
    }

    /** The mode actually used: sentence vectors from chunks only where the model allows it. */
    public static SentenceVectors effective(EmbeddingModel embeddings, SentenceVectors wanted) {
        return effective(embeddings instanceof OnnxEncoder e && e.pooledSentences(), wanted);
    }

    /** As {@link #effective(EmbeddingModel, SentenceVectors)}, for an encoder that pools sentence vectors or not. */
    public static SentenceVectors effective(boolean pooledSentences, SentenceVectors wanted) {
        return wanted == SentenceVectors.FROM_CHUNKS && pooledSentences ? SentenceVectors.FROM_CHUNKS : SentenceVectors.SEPARATE;
    }

    /**
     * What an index built by this ingester depends on; see {@link io.footnote.index.LuceneIndex#open}. Pass the
     * {@link #effective} sentence-vector mode.
     */
    public static String signature(String embeddingModel, int maxTokens, int overlap, SentenceVectors sentences) {
        return "pipeline=" + PIPELINE_VERSION + ";model=" + embeddingModel + ";chunk=" + maxTokens + "/" + overlap
                + ";sentences=" + sentences.configName();
    }

    public IngestReport ingest(Path corpus) {
        return ingest(corpus, new Listener() { });
    }

    /** A full pass: every file of the folder, and removal of articles whose file is gone. */
    public IngestReport ingest(Path corpus, Listener listener) {
        return runFolder(corpus, false, listener);
    }

    /**
     * A full pass that re-reads and re-embeds every file, whatever its hash; like {@link #ingest}, it removes the
     * articles whose file is gone and counts them in {@link IngestReport#removed}.
     */
    public IngestReport reindexAll(Path corpus, Listener listener) {
        return runFolder(corpus, true, listener);
    }

    private IngestReport runFolder(Path corpus, boolean force, Listener listener) {
        int total = CorpusFiles.count(corpus);
        try (Stream<Path> files = CorpusFiles.stream(corpus)) {
            return run(corpus, total, files, true, force, listener);
        }
    }

    /**
     * Indexes just these files of the folder (paths relative to it, '/'-separated), e.g. after an upload;
     * nothing else is read or removed.
     */
    public IngestReport ingestFiles(Path corpus, List<String> relativePaths, Listener listener) {
        return run(corpus, relativePaths.size(), relativePaths.stream().map(corpus::resolve), false, false, listener);
    }

    /**
     * Removes an article from the index and commits.
     *
     * @return whether the index held it
     */
    public boolean remove(String documentId) {
        boolean present = articles.document(documentId).isPresent();
        store.delete(documentId);
        store.commit();
        return present;
    }

    /**
     * Files of the corpus folder, recursively, depth first and each folder's entries in name order; hidden files
     * and folders are left out. What a full pass reads (it streams them rather than listing them).
     */
    public static List<Path> listFiles(Path corpus) {
        return CorpusFiles.list(corpus);
    }

    /**
     * Ends the pass when its thread was interrupted (the service shutting down): between files, so shut-down does
     * not wait for a pass over a large folder to finish, and before the removal of articles whose file this pass
     * did not see, since an interrupted pass has not seen them all (a read cut short by the interrupt counts as a
     * skipped file). What was written stays; the next pass goes on from it.
     */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("ingest pass interrupted");
        }
    }

    /** How many files' stored versions the sync looks up at once. */
    static final int LOOKUP_BATCH = 512;

    private static String relative(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }

    private IngestReport run(Path corpus, int total, Stream<Path> files, boolean fullPass, boolean force,
                             Listener listener) {
        PassTally tally = new PassTally();
        listener.started(total);
        SeenIds seen = new SeenIds();
        long lastCommit = System.nanoTime();
        int embeddedChunks;
        int embeddedSentences;
        Iterator<Path> walk = files.iterator();
        List<Path> group = new ArrayList<>(LOOKUP_BATCH);
        Map<String, ArticleStore.Version> known = Map.of();
        int inGroup = 0;
        try (BatchWriter batches = new BatchWriter(store, embedder, listener, batchSize)) {
            while (walk.hasNext() || inGroup < group.size()) {
                stopIfInterrupted();
                if (inGroup == group.size()) {
                    // The next files' stored versions, asked for together: one lookup per group rather than a
                    // map of the whole index (which grew with it) or a query per file.
                    group.clear();
                    inGroup = 0;
                    while (walk.hasNext() && group.size() < LOOKUP_BATCH) {
                        group.add(walk.next());
                    }
                    if (!force) {
                        known = store.versions(group.stream()
                                .map(f -> ArticleReader.idOf(relative(corpus, f))).distinct().toList());
                    }
                }
                Path file = group.get(inGroup++);
                String rel = relative(corpus, file);
                String id = ArticleReader.idOf(rel);
                boolean ownsId = seen.add(id);
                try {
                    if (!ownsId) {
                        throw new UnreadableDocumentException("another file already has document id " + id);
                    }
                    switch (intake.take(corpus, file, rel, id, fullPass, known.get(id))) {
                        case FileIntake.Unchanged u -> {
                            if (u.restamp() != null) {
                                store.restamp(id, u.restamp());
                            }
                            tally.unchanged();
                            listener.fileDone(rel, Outcome.UNCHANGED, null);
                        }
                        case FileIntake.Read read -> {
                            batches.add(read.document(), read.chunks(), read.stamp());
                            tally.indexed();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    String reason = FileIntake.reason(e);
                    tally.skipped(rel, reason);
                    // The file no longer holds what the index has under its id (it changed into something
                    // unreadable, or is gone): the stale article goes, so nothing cites text that is not there.
                    if (ownsId) {
                        seen.remove(id);
                    }
                    if (!fullPass && articles.document(id).map(d -> d.document().source().equals(rel)).orElse(false)) {
                        store.delete(id);
                    }
                    listener.fileDone(rel, Outcome.SKIPPED, reason);
                }
                if (batches.submitIfFull() && System.nanoTime() - lastCommit >= limits.commitInterval().toNanos()) {
                    // Progress survives a crash: a restart re-embeds only what came after this commit.
                    store.commit();
                    lastCommit = System.nanoTime();
                }
            }
            batches.finish();
            embeddedChunks = batches.embeddedChunks();
            embeddedSentences = batches.embeddedSentences();
        }
        stopIfInterrupted();
        if (fullPass) {
            // Articles whose file is gone (or no longer readable): every id of the index, streamed, against the
            // ids this pass owned. Not against `known`, which a forced pass leaves empty; the commit first makes
            // the articles written in this pass part of the index the walk reads.
            store.commit();
            store.forEachId(id -> {
                if (!seen.contains(id)) {
                    store.delete(id);
                    tally.removed();
                }
            });
        }
        store.commit();
        ArticleLookup.Stats totals = articles.stats();
        if (bulk(tally.written(), totals.documents()) || store.compactionPending()) {
            // A merge that a stop cut short resumes here, with the first pass after the restart.
            listener.merging();
            merges.execute(store::compact);
        }
        return tally.report(totals, embeddedChunks, embeddedSentences);
    }

    /**
     * Whether a pass that wrote {@code written} articles, leaving {@code total} in the index, wrote enough of it
     * to merge it into one part ({@link ArticleStore#compact}): half of it or more. A first build or a re-index
     * leaves one part per flush, and every search visits each; a pass that changed a few files leaves a few small
     * parts, which the index's own merging folds in.
     */
    static boolean bulk(int written, int total) {
        return written > 0 && 2L * written >= total;
    }
}
