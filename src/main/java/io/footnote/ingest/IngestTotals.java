package io.footnote.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What ingestion has done since the service started, summed over every pass (start-up sync, rescans, uploads,
 * deletions, re-indexes): the running totals a monitoring system turns into rates. A file that stays unreadable
 * counts once as skipped, when it is first found, not at every rescan.
 */
public final class IngestTotals {

    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong removed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong chunksEmbedded = new AtomicLong();
    private final AtomicLong failedPasses = new AtomicLong();

    void passFinished(IngestReport report) {
        // Files last: a reader that sees a pass's files counted (what a scrape or a test waits on) then also
        // sees its chunks, since each atomic write happens-before the reads that see it.
        chunksEmbedded.addAndGet(report.chunksEmbedded());
        removed.addAndGet(report.removed());
        indexed.addAndGet(report.indexed());
    }

    void newlySkipped() {
        skipped.incrementAndGet();
    }

    void passFailed() {
        failedPasses.incrementAndGet();
    }

    /** Files indexed (new or changed). */
    public long indexed() {
        return indexed.get();
    }

    /** Articles removed because their file went away or was deleted over the API. */
    public long removed() {
        return removed.get();
    }

    /** Files found unreadable, empty or too large (each bad version of a file once). */
    public long skipped() {
        return skipped.get();
    }

    public long chunksEmbedded() {
        return chunksEmbedded.get();
    }

    /** Passes that failed as a whole (the index could not be written, the folder could not be read…). */
    public long failedPasses() {
        return failedPasses.get();
    }
}
