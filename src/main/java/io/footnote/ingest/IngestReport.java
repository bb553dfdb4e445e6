package io.footnote.ingest;

import java.util.List;

/**
 * What one pass over the corpus did.
 *
 * @param documents         articles in the index after the pass
 * @param indexed           articles embedded and written in this pass (new or changed)
 * @param unchanged         articles skipped because their content hash was already indexed
 * @param removed           articles deleted because their file is gone
 * @param skipped           files that could not be indexed, each with the reason
 * @param sentences         sentences in the index after the pass
 * @param chunks            chunks in the index after the pass
 * @param chunksEmbedded    chunks embedded in this pass
 * @param sentencesEmbedded sentences embedded in this pass
 * @param millis            wall-clock duration of the pass
 */
public record IngestReport(int documents, int indexed, int unchanged, int removed, List<Skipped> skipped,
                           int sentences, int chunks, int chunksEmbedded, int sentencesEmbedded, long millis) {

    /** A file left out of the index, and why. */
    public record Skipped(String path, String reason) {
    }

    public double chunksPerSecond() {
        return millis == 0 ? 0 : chunksEmbedded * 1000.0 / millis;
    }
}
