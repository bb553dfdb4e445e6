package io.footnote.ingest;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The log of one running pass: every few seconds a progress bar with rate and ETA, and a summary when it
 * ends. Logged under {@link IngestQueue}'s category, on the ingesting thread.
 */
final class PassLog {

    private static final Logger LOG = Logger.getLogger(IngestQueue.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int BAR_WIDTH = 24;

    private final String job;
    private final long t0;
    private long lastLog;
    private boolean logged;

    /** @param t0 when the pass started, by {@link System#nanoTime()} */
    PassLog(String job, long t0) {
        this.job = job;
        this.t0 = t0;
        this.lastLog = t0;
    }

    /** Logs a progress line if the last one is a few seconds old. */
    void progress(int done, int total, int chunks, int sentences) {
        long now = System.nanoTime();
        if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            logged = true;
            LOG.info(line(now, done, total, chunks, sentences));
        }
    }

    private String line(long now, int d, int total, int chunks, int sentences) {
        double secs = Math.max(1e-3, (now - t0) / 1e9);
        int t = Math.max(total, 1);
        int filled = (int) Math.round(BAR_WIDTH * (double) d / t);
        double rate = d / secs;
        String eta = d == 0 ? "?" : formatDuration(Math.round((total - d) / Math.max(rate, 1e-9)));
        return String.format("Ingesting %s [%s%s] %d/%d files %3d%% | %.1f files/s, %.1f chunks/s | "
                        + "%d chunks, %d sentences embedded | ETA %s",
                job, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), d, total, 100 * d / t, rate,
                chunks / secs, chunks, sentences, eta);
    }

    /**
     * Logs the pass's summary, unless it was a quiet rescan: one that changed nothing and was quick enough
     * to log no progress line (a periodic rescan of an unchanged folder would otherwise fill the log).
     */
    void end(IngestReport r, int done) {
        boolean changed = r.indexed() > 0 || r.removed() > 0 || !r.skipped().isEmpty();
        if (logged || changed || !job.equals("rescan")) {
            LOG.infof("Ingest %s done: %d files in %.1f s (%d new or changed, %d unchanged, %d removed, "
                            + "%d skipped); embedded %d chunks and %d sentences (%.1f chunks/s); index holds %d "
                            + "documents, %d sentences, %d chunks",
                    job, done, r.millis() / 1000.0, r.indexed(), r.unchanged(), r.removed(), r.skipped().size(),
                    r.chunksEmbedded(), r.sentencesEmbedded(), r.chunksPerSecond(), r.documents(), r.sentences(),
                    r.chunks());
        }
    }

    static String formatDuration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format("%02ds", seconds % 60);
        }
        return (seconds / 3600) + "h" + String.format("%02dm", (seconds % 3600) / 60);
    }
}
