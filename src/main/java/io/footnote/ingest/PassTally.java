package io.footnote.ingest;

import io.footnote.index.ArticleLookup;

import java.util.ArrayList;
import java.util.List;

/** Counts what one pass did to its files, and makes its {@link IngestReport} when it ends. */
final class PassTally {

    private final long started = System.nanoTime();
    private final List<IngestReport.Skipped> skipped = new ArrayList<>();
    private int indexed;
    private int unchanged;
    private int removed;

    void indexed() {
        indexed++;
    }

    void unchanged() {
        unchanged++;
    }

    void skipped(String rel, String reason) {
        skipped.add(new IngestReport.Skipped(rel, reason));
    }

    void removed() {
        removed++;
    }

    /** Articles written so far in this pass. */
    int written() {
        return indexed;
    }

    /**
     * @param totals            what the index holds once the pass has committed
     * @param embeddedChunks    chunks embedded and written in the pass
     * @param embeddedSentences sentences embedded and written in the pass
     */
    IngestReport report(ArticleLookup.Stats totals, int embeddedChunks, int embeddedSentences) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new IngestReport(totals.documents(), indexed, unchanged, removed, List.copyOf(skipped),
                totals.sentences(), totals.chunks(), embeddedChunks, embeddedSentences, millis);
    }
}
