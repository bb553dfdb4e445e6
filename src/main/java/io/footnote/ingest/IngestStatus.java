package io.footnote.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Where ingestion stands: the pass running now (if any) with its progress, the files that are not indexed
 * and why, recent failures of whole passes, and the report of the last finished pass.
 *
 * @param running           whether a pass is running
 * @param job               what the running (or last) pass is: {@code start-up}, {@code rescan}, {@code upload},
 *                          {@code reindex}, {@code delete}
 * @param done              files handled by the running pass so far
 * @param total             files the running pass looks at
 * @param filesPerSecond    files handled per second by the running pass
 * @param chunksPerSecond   chunks embedded per second by the running pass
 * @param chunksEmbedded    chunks embedded by the running pass so far
 * @param sentencesEmbedded sentences embedded by the running pass so far
 * @param etaSeconds        estimated seconds until the running pass ends; null when unknown or idle
 * @param startedAt         when the running (or last) pass started
 * @param queued            passes waiting behind the running one
 * @param skipped           files of the corpus that are not indexed, each with the reason
 * @param errors            recent passes that failed as a whole (e.g. the corpus folder is missing)
 * @param lastReport        summary of the last finished pass; null before the first one ends
 * @param lastFinishedAt    when the last pass finished
 * @param recent            the last passes that changed something or were asked for, newest first (rescans
 *                          that found nothing to do are left out)
 * @param merging           whether the index is being merged into one segment, in the background after a bulk
 *                          pass (or finishing a merge a stop cut short): every article is searchable meanwhile, and
 *                          other passes (an upload, a rescan) run; usually true with {@code running} false
 */
public record IngestStatus(boolean running, String job, int done, int total, double filesPerSecond,
                           double chunksPerSecond, int chunksEmbedded, int sentencesEmbedded, Long etaSeconds,
                           Instant startedAt, int queued, List<IngestReport.Skipped> skipped, List<Failure> errors,
                           IngestReport lastReport, Instant lastFinishedAt, List<Pass> recent, boolean merging) {

    /** A finished pass. */
    public record Pass(String job, Instant startedAt, Instant finishedAt, IngestReport report) {
    }

    /** A pass that failed as a whole. */
    public record Failure(Instant at, String job, String message) {
    }
}
