package io.footnote.ingest;

import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.index.ArticleStore;
import io.footnote.index.FileStamp;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import io.footnote.index.StoppedMerge;
import io.footnote.support.DefaultModel;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The sync reads "unchanged?" from the file stamps the index stores with each article: each pass, restarts
 * included, opens a new index and a new ingester, so nothing but the index carries over.
 */
class CorpusSyncTest {

    private static final EmbeddingModels.Known MODEL = DefaultModel.MODEL;
    private static final String SIGNATURE = CorpusIngester.signature(MODEL.configName(), 120, 1,
            CorpusIngester.SentenceVectors.FROM_CHUNKS);
    private static final OnnxEncoder embeddings = DefaultModel.encoder();

    @TempDir
    Path tmp;

    @Test
    void given_an_indexed_corpus_when_restarted_then_each_article_holds_its_files_stamp_and_nothing_is_embedded()
            throws IOException {
        // given
        Path corpus = seedCopy();
        ingest(corpus);

        // when
        IngestReport restart = ingest(corpus);

        // then
        assertEquals(2, restart.unchanged());
        assertEquals(0, restart.chunksEmbedded());
        Map<String, ArticleStore.Version> versions = versions();
        for (String id : List.of(SeedCorpus.MAO, SeedCorpus.DINAN)) {
            assertEquals(stampOf(corpus.resolve(id + ".txt")), versions.get(id).stamp(), id);
        }
    }

    @Test
    void given_a_file_with_its_stored_stamp_when_synced_then_it_is_not_read() throws IOException {
        // given: other bytes of the same size, the modification time put back
        Path corpus = seedCopy();
        ingest(corpus);
        Path file = corpus.resolve(SeedCorpus.MAO + ".txt");
        FileTime modified = Files.getLastModifiedTime(file);
        String before = text(SeedCorpus.MAO);
        Files.writeString(file, "x".repeat((int) Files.size(file)));
        Files.setLastModifiedTime(file, modified);

        // when
        IngestReport report = ingest(corpus);

        // then: trusted by its stamp, so the index still holds what was read before
        assertEquals(2, report.unchanged());
        assertEquals(before, text(SeedCorpus.MAO));
    }

    @Test
    void given_a_file_changed_to_the_same_size_when_synced_then_it_is_re_indexed() throws IOException {
        // given
        Path corpus = seedCopy();
        ingest(corpus);
        Path file = corpus.resolve(SeedCorpus.MAO + ".txt");
        long size = Files.size(file);
        String changed = "The ministry changed its mind on Tuesday. ";
        Files.writeString(file, (changed.repeat((int) (size / changed.length() + 1))).substring(0, (int) size));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));

        // when
        IngestReport report = ingest(corpus);

        // then
        assertEquals(1, report.indexed());
        assertEquals(1, report.unchanged());
        assertEquals(stampOf(file), versions().get(SeedCorpus.MAO).stamp());
        assertEquals(changed.strip(), text(SeedCorpus.MAO).substring(0, changed.strip().length()));
    }

    @Test
    void given_an_index_written_without_stamps_when_synced_then_files_are_hashed_once_and_only_stamped()
            throws IOException {
        // given: the articles as an index written before stamps holds them (same content hash, no stamp)
        Path corpus = seedCopy();
        ingest(corpus);
        try (LuceneIndex index = open()) {
            for (String id : List.of(SeedCorpus.MAO, SeedCorpus.DINAN)) {
                IndexedDocument d = index.document(id).orElseThrow();
                List<float[]> chunkVectors = d.chunks().stream().map(c -> d.sentenceVectors()[c.firstSentence()]).toList();
                index.upsert(new IndexedDocument(d.document(), d.chunks(), d.sentenceVectors()), chunkVectors);
            }
            index.commit();
            assertNull(index.versions().get(SeedCorpus.MAO).stamp());
        }

        // when
        IngestReport first = ingest(corpus);
        Path file = corpus.resolve(SeedCorpus.MAO + ".txt");
        FileTime modified = Files.getLastModifiedTime(file);
        String before = text(SeedCorpus.MAO);
        Files.writeString(file, "y".repeat((int) Files.size(file)));
        Files.setLastModifiedTime(file, modified);
        IngestReport second = ingest(corpus);

        // then: the first pass read, found the same hash, embedded nothing and wrote the stamps the second trusts
        assertEquals(2, first.unchanged());
        assertEquals(0, first.chunksEmbedded());
        assertEquals(stampOf(corpus.resolve(SeedCorpus.DINAN + ".txt")), versions().get(SeedCorpus.DINAN).stamp());
        assertEquals(2, second.unchanged());
        assertEquals(before, text(SeedCorpus.MAO));
    }

    @Test
    void given_passes_that_each_add_a_file_when_one_adds_as_many_as_the_index_held_then_it_is_merged_into_one()
            throws IOException {
        // given: the seed articles, then one new file per pass: each small pass leaves a segment of its own
        Path corpus = seedCopy();
        ingest(corpus);
        List<Boolean> smallPassMerged = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            extra(corpus, i);
            boolean[] merged = new boolean[1];
            assertEquals(1, ingest(corpus, new CorpusIngester.Listener() {
                @Override
                public void merging() {
                    merged[0] = true;
                }
            }).indexed());
            smallPassMerged.add(merged[0]);
        }
        int afterSmallPasses = segments();

        // when: a pass writes four new files to an index of four
        for (int i = 2; i < 6; i++) {
            extra(corpus, i);
        }
        IngestReport bulk = ingest(corpus);

        // then
        assertEquals(3, afterSmallPasses, "one segment from the first build, one per small pass");
        assertEquals(List.of(false, false), smallPassMerged, "a small pass announces no merge");
        assertEquals(4, bulk.indexed());
        assertEquals(1, segments());
        assertEquals(8, versions().size());
    }

    @Test
    void given_a_merge_cut_short_by_a_stop_when_the_next_pass_changes_nothing_then_it_merges_the_index()
            throws Exception {
        // given: three segments (a first build and two small passes), and a service stopped while merging them
        Path corpus = seedCopy();
        ingest(corpus);
        for (int i = 0; i < 2; i++) {
            extra(corpus, i);
            ingest(corpus);
        }
        StoppedMerge.closeDuringCompaction(tmp.resolve("index"), SIGNATURE, embeddings.dimension(), index -> { });
        int afterStop = segments();

        // when: the restart's pass finds every file unchanged
        List<String> events = new java.util.ArrayList<>();
        IngestReport restart = ingest(corpus, new CorpusIngester.Listener() {
            @Override
            public void fileDone(String path, CorpusIngester.Outcome outcome, String reason) {
                events.add(outcome.name());
            }

            @Override
            public void merging() {
                events.add("merging");
            }
        });

        // then
        assertEquals(3, afterStop, "the stop abandoned the merge");
        assertEquals(0, restart.indexed());
        assertEquals(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "merging"), events,
                "the merge is announced after the files");
        assertEquals(1, segments(), "the restart's pass finished the merge");
        assertEquals(4, versions().size());
    }

    @Test
    void given_an_ingester_merging_on_another_executor_when_a_bulk_pass_ends_then_the_pass_leaves_the_merge_to_it()
            throws IOException {
        // given: a first build, two small passes (three segments), and an executor that keeps what it is given
        Path corpus = seedCopy();
        ingest(corpus);
        for (int i = 0; i < 2; i++) {
            extra(corpus, i);
            ingest(corpus);
        }
        for (int i = 2; i < 6; i++) {
            extra(corpus, i);
        }
        List<Runnable> handed = new java.util.ArrayList<>();
        try (LuceneIndex index = open()) {
            ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter());
            CorpusIngester ingester = new CorpusIngester(index, embeddings, CorpusIngester.SentenceVectors.FROM_CHUNKS,
                    reader, DocumentFormats.standard(), new Chunker(EmbeddingModels.tokenCounter(MODEL), 120, 1), 64,
                    CorpusIngester.Limits.DEFAULT).mergingOn(handed::add);

            // when: a bulk pass (four new files over four)
            IngestReport bulk = ingester.ingest(corpus);
            int segmentsAfterPass = index.segments();
            int documentsAfterPass = index.stats().documents();
            handed.forEach(Runnable::run);

            // then: the pass committed every article and left the merge to the executor
            assertEquals(4, bulk.indexed());
            assertEquals(1, handed.size());
            assertTrue(segmentsAfterPass > 1, "not merged by the pass: " + segmentsAfterPass);
            assertEquals(8, documentsAfterPass);
            assertEquals(1, index.segments());
            assertFalse(index.compactionPending());
        }
    }

    @Test
    void a_pass_is_bulk_when_it_wrote_half_of_the_index_or_more() {
        assertTrue(CorpusIngester.bulk(1, 1));
        assertTrue(CorpusIngester.bulk(50, 100));
        assertFalse(CorpusIngester.bulk(49, 100));
        assertFalse(CorpusIngester.bulk(0, 0));
    }

    private static void extra(Path corpus, int i) throws IOException {
        Files.writeString(corpus.resolve("extra-" + i + ".txt"),
                "Extra article " + i + ".\n\nThe harbour board met on Monday " + i + ". It approved a new quay for ferries.");
    }

    private int segments() {
        try (LuceneIndex index = open()) {
            return index.segments();
        }
    }

    private IngestReport ingest(Path corpus) {
        return ingest(corpus, new CorpusIngester.Listener() {
        });
    }

    private IngestReport ingest(Path corpus, CorpusIngester.Listener listener) {
        try (LuceneIndex index = open()) {
            ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter());
            return new CorpusIngester(index, embeddings, CorpusIngester.SentenceVectors.FROM_CHUNKS, reader,
                    DocumentFormats.standard(), new Chunker(EmbeddingModels.tokenCounter(MODEL), 120, 1), 64,
                    CorpusIngester.Limits.DEFAULT).ingest(corpus, listener);
        }
    }

    private LuceneIndex open() {
        return LuceneIndex.open(tmp.resolve("index"), SIGNATURE, embeddings.dimension());
    }

    private Map<String, ArticleStore.Version> versions() {
        try (LuceneIndex index = open()) {
            return index.versions();
        }
    }

    private String text(String id) {
        try (LuceneIndex index = open()) {
            return index.document(id).orElseThrow().document().text();
        }
    }

    private static FileStamp stampOf(Path file) throws IOException {
        return FileStamp.of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    private Path seedCopy() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (String id : List.of(SeedCorpus.MAO, SeedCorpus.DINAN)) {
            Files.copy(SeedCorpus.FOLDER.resolve(id + ".txt"), corpus.resolve(id + ".txt"));
        }
        return corpus;
    }
}
