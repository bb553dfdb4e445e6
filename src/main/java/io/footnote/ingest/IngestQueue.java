package io.footnote.ingest;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every change to the index one at a time, on one thread, in the order asked: the start-up pass,
 * rescans of the corpus folder, uploads, deletions and re-indexing. Serialising them is what keeps an
 * upload and a rescan from racing over the same article.
 *
 * <p>A bulk pass's merge of the index into one segment runs on a second thread, after the pass has committed
 * its articles: on a large index it takes minutes (554 s at 200,000 articles), and an upload queued behind it
 * would wait that long for nothing, since the index takes writes and searches while it merges.
 *
 * <p>It also keeps the {@link IngestStatus}: progress of the running pass (logged every few seconds as a
 * progress bar with rate and ETA), whether a merge runs, the files that are not indexed and why, and recent
 * failures.
 */
public final class IngestQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IngestQueue.class);
    private static final int MAX_FAILURES = 20;
    private static final int MAX_RECENT = 10;

    private final Path corpus;
    private final CorpusIngester ingester;
    private final ExecutorService thread;
    private final ExecutorService mergeThread;
    private final AtomicInteger queued = new AtomicInteger();
    /** Merges queued or running. */
    private final AtomicInteger merges = new AtomicInteger();
    /** Whether a merge is queued and has not started: a second one asked for meanwhile would merge the same. */
    private final AtomicBoolean mergeWaiting = new AtomicBoolean();
    private final Object lock = new Object();

    // Guarded by lock.
    private final Map<String, String> skipped = new TreeMap<>();
    private final Deque<IngestStatus.Failure> failures = new ArrayDeque<>();
    private Pass pass;
    private String lastJob;
    private Instant lastStarted;
    private IngestReport lastReport;
    private final IngestTotals totals = new IngestTotals();
    private Instant lastFinished;
    private final Deque<IngestStatus.Pass> recent = new ArrayDeque<>();
    private volatile boolean closing;

    public IngestQueue(Path corpus, CorpusIngester ingester) {
        this.corpus = corpus;
        this.ingester = ingester.mergingOn(this::merge);
        this.thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("footnote-ingest").daemon().factory());
        this.mergeThread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("footnote-merge").daemon().factory());
    }

    /** A full pass over the folder; {@code force} re-embeds every file whatever its hash. */
    public Future<IngestReport> sync(String job, boolean force) {
        return submit(job, listener -> force ? ingester.reindexAll(corpus, listener) : ingester.ingest(corpus, listener),
                true);
    }

    /** A full pass unless one is already queued or running: what a periodic rescan wants. */
    public Optional<Future<IngestReport>> rescanIfIdle() {
        return queued.get() == 0 ? Optional.of(sync("rescan", false)) : Optional.empty();
    }

    /** Indexes these files of the corpus folder (relative paths). */
    public Future<IngestReport> files(String job, List<String> relativePaths) {
        return submit(job, listener -> ingester.ingestFiles(corpus, relativePaths, listener), false);
    }

    /**
     * Deletes an article: its file in the corpus folder (so a rescan does not bring it back) and its block
     * in the index.
     *
     * @return whether the index held the article
     */
    public Future<Boolean> delete(String documentId, String relativePath) {
        return call("delete", () -> {
            if (relativePath != null) {
                try {
                    Files.deleteIfExists(corpus.resolve(relativePath));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete " + relativePath + " from the corpus folder", e);
                }
                synchronized (lock) {
                    skipped.remove(relativePath);
                }
            }
            return ingester.remove(documentId);
        });
    }

    public IngestStatus status() {
        synchronized (lock) {
            List<IngestReport.Skipped> notIndexed = skipped.entrySet().stream()
                    .map(e -> new IngestReport.Skipped(e.getKey(), e.getValue())).toList();
            List<IngestStatus.Failure> errors = List.copyOf(failures);
            List<IngestStatus.Pass> history = List.copyOf(recent);
            int waiting = Math.max(0, queued.get() - (pass != null ? 1 : 0));
            boolean merging = merges.get() > 0;
            if (pass == null) {
                return new IngestStatus(false, lastJob, 0, 0, 0, 0, 0, 0, null, lastStarted, waiting, notIndexed,
                        errors, lastReport, lastFinished, history, merging);
            }
            Pass p = pass;
            double secs = Math.max(1e-3, (System.nanoTime() - p.t0) / 1e9);
            double filesPerSec = p.done / secs;
            Long eta = p.done == 0 ? null : Math.round((p.total - p.done) / Math.max(filesPerSec, 1e-9));
            return new IngestStatus(true, p.job, p.done, p.total, round1(filesPerSec), round1(p.chunks / secs),
                    p.chunks, p.sentences, eta, p.started, waiting, notIndexed, errors, lastReport, lastFinished,
                    history, merging);
        }
    }

    public CorpusIngester.Progress progress() {
        synchronized (lock) {
            return pass == null ? new CorpusIngester.Progress(0, 0)
                    : new CorpusIngester.Progress(pass.done, pass.total);
        }
    }

    /** What every pass since start-up has done, summed. */
    public IngestTotals totals() {
        return totals;
    }

    public java.util.Optional<IngestReport> lastReport() {
        synchronized (lock) {
            return java.util.Optional.ofNullable(lastReport);
        }
    }

    /**
     * Stops the running pass and the wait for a running merge. The merge itself is abandoned when the index
     * closes; its commits say so, and the first pass after a restart merges again.
     */
    @Override
    public void close() {
        closing = true;
        thread.shutdownNow();
        mergeThread.shutdownNow();
        try {
            // Let the running pass and the merge's wait stop before the index is closed under them.
            thread.awaitTermination(30, TimeUnit.SECONDS);
            mergeThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a pass's merge of the index into one segment on the merge thread ({@link CorpusIngester#mergingOn}), so
     * the passes after it need not wait for it. A merge asked for while another waits to start is dropped: that
     * one folds whatever the index holds when it runs.
     */
    private void merge(Runnable merge) {
        if (!mergeWaiting.compareAndSet(false, true)) {
            return;
        }
        merges.incrementAndGet();
        try {
            mergeThread.execute(() -> {
                mergeWaiting.set(false);
                try {
                    merge.run();
                } catch (RuntimeException e) {
                    if (!closing) { // shut-down interrupts the wait; the restart merges again
                        LOG.warnf(e, "Merging the index into one segment failed; it is searched in the parts it has");
                    }
                } finally {
                    merges.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            mergeWaiting.set(false);
            merges.decrementAndGet();
        }
    }

    private interface Work {
        IngestReport run(CorpusIngester.Listener listener);
    }

    private Future<IngestReport> submit(String job, Work work, boolean fullPass) {
        return call(job, () -> {
            Pass p = new Pass(job);
            synchronized (lock) {
                pass = p;
            }
            IngestReport report = work.run(p);
            synchronized (lock) {
                if (fullPass) {
                    skipped.clear();
                }
                p.indexedOrUnchanged.forEach(skipped::remove);
                report.skipped().forEach(s -> skipped.put(s.path(), s.reason()));
                lastReport = report;
                totals.passFinished(report);
                boolean noOp = job.equals("rescan") && report.indexed() == 0 && report.removed() == 0
                        && report.skipped().isEmpty();
                if (!noOp) { // a rescan that found nothing to do would crowd out the passes that mattered
                    recent.addFirst(new IngestStatus.Pass(job, p.started, Instant.now(), report));
                    while (recent.size() > MAX_RECENT) {
                        recent.removeLast();
                    }
                }
            }
            p.log.end(report, p.done);
            return report;
        });
    }

    private <T> Future<T> call(String job, Callable<T> work) {
        queued.incrementAndGet();
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.submit(() -> {
                Instant started = Instant.now();
                synchronized (lock) {
                    lastJob = job;
                    lastStarted = started;
                }
                try {
                    result.complete(work.call());
                } catch (Exception | Error e) {
                    if (closing) { // shut-down interrupts the running pass; the index keeps its last commit
                        result.completeExceptionally(e);
                        return;
                    }
                    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                    LOG.errorf(e, "Ingest job '%s' failed: %s", job, message);
                    synchronized (lock) {
                        failures.addFirst(new IngestStatus.Failure(Instant.now(), job, message));
                        totals.passFailed();
                        while (failures.size() > MAX_FAILURES) {
                            failures.removeLast();
                        }
                    }
                    result.completeExceptionally(e);
                } finally {
                    synchronized (lock) {
                        pass = null;
                        lastFinished = Instant.now();
                    }
                    queued.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            queued.decrementAndGet();
            result.completeExceptionally(shuttingDown);
        }
        return result;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The running pass's counters, fed by the ingester. */
    private final class Pass implements CorpusIngester.Listener {
        final String job;
        final Instant started = Instant.now();
        final long t0 = System.nanoTime();
        final List<String> indexedOrUnchanged = new ArrayList<>();
        final PassLog log;
        volatile int total;
        volatile int done;
        volatile int chunks;
        volatile int sentences;

        Pass(String job) {
            this.job = job;
            this.log = new PassLog(job, t0);
        }

        @Override
        public void started(int files) {
            total = files;
        }

        @Override
        public void fileDone(String path, CorpusIngester.Outcome outcome, String reason) {
            synchronized (lock) {
                done++;
                if (outcome != CorpusIngester.Outcome.SKIPPED) {
                    indexedOrUnchanged.add(path);
                } else if (!reason.equals(skipped.get(path))) { // each bad file is reported once, not every rescan
                    LOG.warnf("Not indexed: %s (%s)", path, reason);
                    totals.newlySkipped();
                }
            }
            log.progress(done, total, chunks, sentences);
        }

        @Override
        public void embedded(int chunkCount, int sentenceCount) {
            chunks += chunkCount;
            sentences += sentenceCount;
            log.progress(done, total, chunks, sentences);
        }
    }
}
