package io.footnote.ingest;

import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.index.LuceneIndex;
import io.footnote.index.StoppedMerge;
import io.footnote.support.DefaultModel;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk pass's merge runs in the background: the pass ends once its articles are committed, an upload is indexed
 * while the merge runs, and the status says the index is merging until it ends.
 */
class IngestQueueMergingTest {

    private static final EmbeddingModels.Known MODEL = DefaultModel.MODEL;
    private static final String SIGNATURE = CorpusIngester.signature(MODEL.configName(), 120, 1,
            CorpusIngester.SentenceVectors.FROM_CHUNKS);
    private static final OnnxEncoder embeddings = DefaultModel.encoder();

    @TempDir
    Path tmp;

    @Test
    void given_a_restart_finishing_a_cut_short_merge_when_a_file_is_uploaded_meanwhile_then_it_is_indexed_before_the_merge_ends()
            throws Exception {
        // given: three segments (a first build, then two passes of one file each), a stop during their merge, and
        // the restart's pass, whose merge is held
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (String id : List.of(SeedCorpus.MAO, SeedCorpus.DINAN)) {
            Files.copy(SeedCorpus.FOLDER.resolve(id + ".txt"), corpus.resolve(id + ".txt"));
        }
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                Files.writeString(corpus.resolve("extra-" + i + ".txt"), "Extra article " + i
                        + ".\n\nThe harbour board met on Monday " + i + ". It approved a new quay for ferries.");
            }
            try (LuceneIndex index = LuceneIndex.open(tmp.resolve("index"), SIGNATURE, embeddings.dimension())) {
                ingester(index).ingest(corpus, new CorpusIngester.Listener() {
                });
            }
        }
        StoppedMerge.closeDuringCompaction(tmp.resolve("index"), SIGNATURE, embeddings.dimension(), index -> { });
        StoppedMerge.HeldMerges held = StoppedMerge.openHoldingMerges(tmp.resolve("index"), SIGNATURE,
                embeddings.dimension());
        try (LuceneIndex index = held.index(); IngestQueue queue = new IngestQueue(corpus, ingester(index))) {
            IngestReport restart = queue.sync("start-up", false).get(30, TimeUnit.SECONDS);
            assertTrue(held.began().await(30, TimeUnit.SECONDS), "the merge began");
            IngestStatus afterRestart = idle(queue);

            // when: a file is uploaded while the merge is held
            Files.writeString(corpus.resolve("upload.txt"), "Ferry timetable changes.\n\nThe island ferry will "
                    + "sail twice a day from March. The harbour board approved the change on Friday.");
            IngestReport upload = queue.files("upload", List.of("upload.txt")).get(30, TimeUnit.SECONDS);
            IngestStatus whileMerging = idle(queue);
            int documentsWhileMerging = index.stats().documents();
            held.release().countDown();
            IngestStatus after = mergeEnded(queue);

            // then
            assertEquals(4, restart.unchanged());
            assertTrue(afterRestart.merging(), afterRestart.toString());
            assertEquals(1, upload.indexed());
            assertTrue(whileMerging.merging(), "the merge was still held: " + whileMerging);
            assertEquals(5, documentsWhileMerging, "the upload is searchable before the merge ends");
            assertFalse(after.merging());
            assertFalse(index.compactionPending());
            assertEquals(5, index.stats().documents());
            assertTrue(index.segments() <= 2, "the merged segment and at most the upload's: " + index.segments());
        }
    }

    /** The first status that shows no merge, within 30 s. */
    private static IngestStatus mergeEnded(IngestQueue queue) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IngestStatus status = queue.status();
        while (status.merging() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            status = queue.status();
        }
        assertFalse(status.merging(), "the merge ended within 30 s: " + status);
        return status;
    }

    /**
     * The first status that shows no pass running: the pass's future completes just before the queue clears its
     * running pass, so a status read at once may still show it.
     */
    private static IngestStatus idle(IngestQueue queue) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        IngestStatus status = queue.status();
        while (status.running() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            status = queue.status();
        }
        assertFalse(status.running(), "the pass ended within 10 s: " + status);
        return status;
    }

    private static CorpusIngester ingester(LuceneIndex index) {
        return new CorpusIngester(index, embeddings, CorpusIngester.SentenceVectors.FROM_CHUNKS,
                new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter()),
                DocumentFormats.standard(), new Chunker(EmbeddingModels.tokenCounter(MODEL), 120, 1), 64,
                CorpusIngester.Limits.DEFAULT);
    }
}
