package io.footnote.ingest;

import io.footnote.domain.Document;
import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import io.footnote.support.DefaultModel;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusIngesterTest {

    private static final EmbeddingModels.Known MODEL = DefaultModel.MODEL;
    private static final String SIGNATURE = CorpusIngester.signature(MODEL.configName(), 120, 1,
            CorpusIngester.SentenceVectors.FROM_CHUNKS);
    private static final OnnxEncoder embeddings = DefaultModel.encoder();

    @TempDir
    Path tmp;

    private IngestReport ingest(Path corpus, Path indexDir) {
        return ingest(corpus, indexDir, SIGNATURE);
    }

    private IngestReport ingest(Path corpus, Path indexDir, String signature) {
        try (LuceneIndex index = LuceneIndex.open(indexDir, signature, embeddings.dimension())) {
            return ingester(index).ingest(corpus);
        }
    }

    private static CorpusIngester ingester(LuceneIndex index) {
        ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter());
        return new CorpusIngester(index, embeddings, CorpusIngester.SentenceVectors.FROM_CHUNKS, reader,
                DocumentFormats.standard(),
                new Chunker(EmbeddingModels.tokenCounter(MODEL), 120, 1), 64, CorpusIngester.Limits.DEFAULT);
    }

    private Path seedCopy() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (Path p : Files.list(SeedCorpus.FOLDER).toList()) {
            Files.copy(p, corpus.resolve(p.getFileName()));
        }
        return corpus;
    }

    private Map<String, Document> documents(Path indexDir) {
        try (LuceneIndex index = LuceneIndex.open(indexDir, SIGNATURE, embeddings.dimension())) {
            return index.documents().stream().map(e -> index.document(e.id()).orElseThrow().document())
                    .collect(Collectors.toMap(Document::id, d -> d));
        }
    }

    @Test
    void given_an_interrupted_pass_when_it_reaches_the_next_file_then_it_stops_and_removes_nothing()
            throws IOException {
        // given: an index holding both seed articles
        Path corpus = seedCopy();
        Path indexDir = tmp.resolve("index");
        ingest(corpus, indexDir);
        List<String> handled = new ArrayList<>();
        try (LuceneIndex index = LuceneIndex.open(indexDir, SIGNATURE, embeddings.dimension())) {
            // when: the thread is interrupted (the service shutting down) while the pass handles its first file
            CorpusIngester.Listener interruptingAfterFirst = new CorpusIngester.Listener() {
                @Override
                public void fileDone(String path, CorpusIngester.Outcome outcome, String reason) {
                    handled.add(path);
                    Thread.currentThread().interrupt();
                }
            };
            try {
                assertThrows(java.util.concurrent.CancellationException.class,
                        () -> ingester(index).ingest(corpus, interruptingAfterFirst));
            } finally {
                Thread.interrupted(); // clear it for the rest of the test
            }
            // then: it stopped before the second file, and no article was taken for gone
            assertEquals(1, handled.size(), "files handled: " + handled);
        }
        assertEquals(2, documents(indexDir).size());
    }

    @Test
    void restart_with_unchanged_corpus_embeds_nothing_and_keeps_ids() throws IOException {
        Path corpus = seedCopy();
        Path indexDir = tmp.resolve("index");

        IngestReport first = ingest(corpus, indexDir);
        Map<String, Document> before = documents(indexDir);
        IngestReport second = ingest(corpus, indexDir);
        Map<String, Document> after = documents(indexDir);

        assertEquals(2, first.indexed());
        assertTrue(first.chunksEmbedded() > 0);
        assertEquals(first.sentences(), first.sentencesEmbedded());
        assertEquals(0, second.indexed());
        assertEquals(0, second.chunksEmbedded());
        assertEquals(0, second.sentencesEmbedded());
        assertEquals(2, second.unchanged());
        assertEquals(before, after, "same ids, text and sentence offsets after a restart");
        assertEquals(first.chunks(), second.chunks());
    }

    @Test
    void changed_file_is_replaced_and_deleted_file_removed() throws IOException {
        Path corpus = seedCopy();
        Path indexDir = tmp.resolve("index");
        ingest(corpus, indexDir);

        Files.writeString(corpus.resolve(SeedCorpus.MAO + ".txt"), "The ministry changed its mind on Tuesday.");
        Files.delete(corpus.resolve(SeedCorpus.DINAN + ".txt"));
        IngestReport report = ingest(corpus, indexDir);

        assertEquals(1, report.indexed());
        assertEquals(1, report.removed());
        assertEquals(1, report.documents());
        Map<String, Document> docs = documents(indexDir);
        assertEquals(List.of(SeedCorpus.MAO), List.copyOf(docs.keySet()));
        assertEquals("The ministry changed its mind on Tuesday.", docs.get(SeedCorpus.MAO).text());
        assertEquals(1, docs.get(SeedCorpus.MAO).sentences().size());
    }

    @Test
    void given_a_deleted_file_when_reindexed_by_force_then_its_article_is_removed_and_reported() throws IOException {
        // given: both articles indexed, then one file deleted
        Path corpus = seedCopy();
        Path indexDir = tmp.resolve("index");
        ingest(corpus, indexDir);
        Files.delete(corpus.resolve(SeedCorpus.DINAN + ".txt"));

        // when
        IngestReport report;
        try (LuceneIndex index = LuceneIndex.open(indexDir, SIGNATURE, embeddings.dimension())) {
            report = ingester(index).reindexAll(corpus, new CorpusIngester.Listener() { });
        }

        // then: the remaining file re-embedded, the deleted one's article gone and counted
        assertEquals(1, report.indexed());
        assertEquals(1, report.removed());
        assertEquals(1, report.documents());
        assertEquals(List.of(SeedCorpus.MAO), List.copyOf(documents(indexDir).keySet()));
    }

    @Test
    void given_a_file_turned_unreadable_when_reindexed_by_force_then_its_article_is_removed_and_it_is_skipped()
            throws IOException {
        // given
        Path corpus = seedCopy();
        Path indexDir = tmp.resolve("index");
        ingest(corpus, indexDir);
        Files.writeString(corpus.resolve(SeedCorpus.DINAN + ".txt"), "  \n");

        // when
        IngestReport report;
        try (LuceneIndex index = LuceneIndex.open(indexDir, SIGNATURE, embeddings.dimension())) {
            report = ingester(index).reindexAll(corpus, new CorpusIngester.Listener() { });
        }

        // then
        assertEquals(1, report.removed());
        assertEquals(List.of(new IngestReport.Skipped(SeedCorpus.DINAN + ".txt", "empty file")), report.skipped());
        assertEquals(List.of(SeedCorpus.MAO), List.copyOf(documents(indexDir).keySet()));
    }

    @Test
    void bad_files_are_skipped_with_a_reason_and_the_rest_indexed() throws IOException {
        Path corpus = seedCopy();
        Files.write(corpus.resolve("binary.txt"), new byte[]{1, 2, 0, 3});
        Files.writeString(corpus.resolve("empty.txt"), "  \n");
        Files.write(corpus.resolve("scan.pdf"), new byte[]{'%', 'P', 'D', 'F'});
        Files.write(corpus.resolve("photo.jpg"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        IngestReport report = ingest(corpus, tmp.resolve("index"));

        assertEquals(2, report.documents());
        Map<String, String> reasons = report.skipped().stream()
                .collect(Collectors.toMap(IngestReport.Skipped::path, IngestReport.Skipped::reason));
        assertEquals("binary content, not text", reasons.get("binary.txt"));
        assertEquals("empty file", reasons.get("empty.txt"));
        assertTrue(reasons.get("scan.pdf").startsWith("corrupt or unreadable PDF file"), reasons.get("scan.pdf"));
        assertTrue(reasons.get("photo.jpg").startsWith("unsupported format"), reasons.get("photo.jpg"));
        assertEquals(4, reasons.size());
    }

    @Test
    void index_built_under_another_signature_is_rebuilt() throws IOException {
        Path corpus = seedCopy();
        Path indexDir = tmp.resolve("index");
        ingest(corpus, indexDir, "pipeline=0;model=old");

        IngestReport report = ingest(corpus, indexDir);

        assertEquals(2, report.indexed(), "everything re-embedded for the new signature");
        assertEquals(0, report.unchanged());
    }

    @Test
    void legacy_windows_1252_file_indexes_without_mojibake() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("legacy"));
        Files.write(corpus.resolve("pound.txt"), "Shares rose to \u00a35 \u2013 a record.".getBytes("windows-1252"));

        ingest(corpus, tmp.resolve("index"));

        assertEquals("Shares rose to \u00a35 \u2013 a record.", documents(tmp.resolve("index")).get("pound").text());
    }

    @Test
    void given_more_files_than_one_version_lookup_when_resynced_then_only_changed_files_are_read_and_gone_ones_removed()
            throws IOException {
        // given a corpus of more files than the sync looks up at once, indexed
        Path corpus = Files.createDirectories(tmp.resolve("many"));
        int files = CorpusIngester.LOOKUP_BATCH + 90;
        for (int i = 0; i < files; i++) {
            Files.writeString(corpus.resolve(String.format("n%04d.txt", i)),
                    "Note " + i + "\n\nThe council approved plan number " + i + " for the harbour.");
        }
        Path indexDir = tmp.resolve("many-index");
        assertEquals(files, ingest(corpus, indexDir).indexed());

        // when a file of the first lookup and one of the second change, and one file goes
        Files.writeString(corpus.resolve("n0003.txt"), "Note 3\n\nThe council rejected plan number 3.");
        Files.writeString(corpus.resolve(String.format("n%04d.txt", files - 5)), "Note\n\nA new plan for the museum.");
        Files.delete(corpus.resolve("n0100.txt"));
        IngestReport second = ingest(corpus, indexDir);

        // then only those two are read again, every other file is found unchanged, and the gone one is removed
        assertEquals(2, second.indexed());
        assertEquals(files - 3, second.unchanged());
        assertEquals(1, second.removed());
        Map<String, Document> after = documents(indexDir);
        assertEquals(files - 1, after.size());
        assertTrue(after.get("n0003").text().contains("rejected"), after.get("n0003").text());
    }
}
