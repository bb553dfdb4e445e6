package io.footnote.bench;

import io.footnote.embed.EmbeddingModels;
import io.footnote.index.LuceneIndex;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.IngestQueue;
import io.footnote.ingest.SentenceSplitter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How long closing the index takes while a bulk pass's final merge runs: builds an index of {@code CORPUS} with the
 * stand-in encoder, waits until the ingest thread is inside {@code IndexWriter.forceMerge}, interrupts it (as the
 * ingest queue's shut-down does) and times {@link LuceneIndex#close}. Then reopens the index and prints how many
 * articles it holds (the pass committed before merging, so all of them), and runs the pass a restart runs, which
 * finds every file unchanged and finishes the merge ({@link LuceneIndex#compactionPending}), timing it, and the same
 * pass again, which has no merge to finish. With {@code -Dprobe.queue=true} the restart runs as the service runs it
 * instead: through the ingest queue, which merges in the background, with a file uploaded during the merge. Not a test:
 * run by hand, {@code java -cp … io.footnote.bench.StopDuringMergeProbe CORPUS INDEX_DIR [ARTICLES]}; with
 * {@code ARTICLES}, first writes that many synthetic articles ({@link SyntheticArticles}, seed 42) under
 * {@code CORPUS}.
 */
public final class StopDuringMergeProbe {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        String signature = CorpusIngester.signature(EmbeddingModels.Known.ALL_MINILM_L6_V2_Q.configName(), 120, 1,
                CorpusIngester.SentenceVectors.FROM_CHUNKS);
        if (args.length > 2) {
            System.out.printf("wrote %d synthetic articles%n",
                    SyntheticArticles.fromBbc(42).write(corpus, Integer.parseInt(args[2])));
        }
        HashStandInEncoder encoder = new HashStandInEncoder(384);
        LuceneIndex index = LuceneIndex.open(dir, signature, encoder.dimension());
        CorpusIngester ingester = ingester(index, encoder);
        long start = System.nanoTime();
        Thread ingest = new Thread(() -> {
            try {
                ingester.ingest(corpus);
            } catch (RuntimeException e) {
                System.out.println("ingest ended with " + e);
            }
        }, "probe-ingest");
        ingest.start();
        while (ingest.isAlive() && Arrays.stream(ingest.getStackTrace()).noneMatch(f -> f.getMethodName().equals("forceMerge"))) {
            Thread.sleep(50);
        }
        System.out.printf("merge began %.1f s after the start, segments %d%n", (System.nanoTime() - start) / 1e9, index.segments());
        Thread.sleep(Long.getLong("probe.into", 5000));
        long t0 = System.nanoTime();
        ingest.interrupt();
        ingest.join(30_000);
        long t1 = System.nanoTime();
        index.close();
        long t2 = System.nanoTime();
        System.out.printf("ingest thread stopped in %.2f s; index closed in %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        try (LuceneIndex reopened = LuceneIndex.open(dir, signature, encoder.dimension())) {
            System.out.printf("reopened: %d articles, %d segments, merge pending %b%n", reopened.stats().documents(),
                    reopened.segments(), reopened.compactionPending());
            if (Boolean.getBoolean("probe.queue")) {
                restartThroughQueue(corpus, reopened, encoder);
                return;
            }
            long t3 = System.nanoTime();
            var report = ingester(reopened, encoder).ingest(corpus);
            System.out.printf("restart's pass: %d indexed, %d unchanged, in %.1f s; now %d segments, merge pending %b%n",
                    report.indexed(), report.unchanged(), (System.nanoTime() - t3) / 1e9, reopened.segments(),
                    reopened.compactionPending());
            long t4 = System.nanoTime();
            var again = ingester(reopened, encoder).ingest(corpus);
            System.out.printf("the same pass with no merge pending: %d unchanged in %.1f s (the rest of the pass above "
                    + "was the merge)%n", again.unchanged(), (System.nanoTime() - t4) / 1e9);
        }
    }

    /**
     * The restart as the service runs it ({@code -Dprobe.queue=true}): the start-up pass through an {@link IngestQueue},
     * which merges in the background, and a file uploaded as soon as that pass ends, timed while the merge runs.
     */
    private static void restartThroughQueue(Path corpus, LuceneIndex index, HashStandInEncoder encoder)
            throws Exception {
        Path upload = corpus.resolve("probe-upload.txt");
        try (IngestQueue queue = new IngestQueue(corpus, ingester(index, encoder))) {
            long t0 = System.nanoTime();
            var report = queue.sync("start-up", false).get();
            long t1 = System.nanoTime();
            System.out.printf("restart's pass: %d unchanged in %.1f s; merging %b%n", report.unchanged(),
                    (t1 - t0) / 1e9, queue.status().merging());
            Files.writeString(upload, "Ferry timetable changes.\n\nThe island ferry will sail twice a day from "
                    + "March, the harbour board said on Friday.");
            long t2 = System.nanoTime();
            var uploaded = queue.files("upload", List.of(upload.getFileName().toString())).get();
            long t3 = System.nanoTime();
            System.out.printf("upload during the merge: %d indexed in %.2f s; still merging %b; %d articles searchable%n",
                    uploaded.indexed(), (t3 - t2) / 1e9, queue.status().merging(), index.stats().documents());
            while (queue.status().merging()) {
                Thread.sleep(100);
            }
            System.out.printf("merge ended %.1f s after the restart's pass began; %d segments, merge pending %b%n",
                    (System.nanoTime() - t0) / 1e9, index.segments(), index.compactionPending());
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private static CorpusIngester ingester(LuceneIndex index, HashStandInEncoder encoder) {
        return new CorpusIngester(index, encoder, CorpusIngester.SentenceVectors.FROM_CHUNKS,
                new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter()),
                DocumentFormats.standard(),
                new Chunker(EmbeddingModels.tokenCounter(EmbeddingModels.Known.ALL_MINILM_L6_V2_Q), 120, 1),
                64, CorpusIngester.Limits.DEFAULT);
    }
}
