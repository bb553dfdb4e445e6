package io.footnote.app;

import io.footnote.config.FootnoteConfig;
import io.footnote.ingest.CorpusFolder;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestQueue;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.IngestStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Changes to the corpus of the running service (uploads, deletions, re-indexing) and where ingestion stands. */
@ApplicationScoped
public class Ingestion {

    private final ServiceLifecycle lifecycle;
    private final FootnoteConfig config;
    private final Instant constructed = Instant.now();

    public Ingestion(ServiceLifecycle lifecycle, FootnoteConfig config) {
        this.lifecycle = lifecycle;
        this.config = config;
    }

    /** The queue every change to the index goes through. @throws NotReadyException while loading */
    public IngestQueue queue() {
        return lifecycle.serving().queue();
    }

    /** Where ingestion stands; available from start-up on, before the index is ready. */
    public IngestStatus status() {
        return lifecycle.queue().map(IngestQueue::status).orElseGet(() -> {
            // The model and index are still loading (or failed to): the start-up pass has not begun.
            Optional<String> failure = lifecycle.failure();
            return new IngestStatus(failure.isEmpty(), "start-up", 0, 0, 0, 0, 0, 0, null, constructed, 0, List.of(),
                    failure.map(f -> List.of(new IngestStatus.Failure(Instant.now(), "start-up", f))).orElse(List.of()),
                    null, null, List.of(), false);
        });
    }

    /** Progress of the running ingest pass (0/0 when none runs). */
    public CorpusIngester.Progress progress() {
        return lifecycle.progress();
    }

    /** Summary of the last finished ingest pass. */
    /** What ingestion has done since start-up, summed over passes; empty while the service is loading. */
    public Optional<io.footnote.ingest.IngestTotals> totals() {
        return lifecycle.queue().map(IngestQueue::totals);
    }

    public Optional<IngestReport> lastReport() {
        return lifecycle.queue().flatMap(IngestQueue::lastReport);
    }

    /** The corpus folder, to write uploads into. @throws NotReadyException while loading */
    public CorpusFolder corpusFolder() {
        return new CorpusFolder(config.corpus().path(), lifecycle.serving().pipeline().formats());
    }

    /** Largest file indexed, in bytes. */
    public long maxFileBytes() {
        return config.ingest().maxFileSize().asLongValue();
    }

    /** How long an upload request waits for its files to be indexed. */
    public Duration uploadWait() {
        return config.ingest().uploadWait();
    }
}
