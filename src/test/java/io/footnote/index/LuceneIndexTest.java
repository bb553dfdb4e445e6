package io.footnote.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.footnote.domain.Document;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded index: the shared contract, plus what only it promises (restart, lock, bounded cache). */
class LuceneIndexTest extends ArticleIndexContract {

    @TempDir
    Path dir;

    @Override
    protected ArticleIndex openEmpty() {
        return LuceneIndex.open(dir.resolve("index"), "test", DIMENSION);
    }

    @Test
    void given_a_committed_index_when_reopened_then_articles_are_read_back_without_reingest() {
        // given
        IndexedDocument article;
        try (ArticleIndex index = openEmpty()) {
            article = CodecSamples.article("x1", DIMENSION);
            index.upsert(article, CodecSamples.chunkVectors(article, DIMENSION));
            index.commit();
        }
        // when
        try (ArticleIndex reopened = openEmpty()) {
            // then
            assertEquals(article.document(), reopened.document("x1").orElseThrow().document());
            assertEquals(1, reopened.stats().documents());
        }
    }

    @Test
    void given_an_index_that_never_held_a_stamp_when_an_article_is_restamped_then_reopened_it_reads_the_stamp() {
        // given: written as before stamps were stored, so the index has no stamp field at all
        IndexedDocument article = CodecSamples.article("x1", DIMENSION);
        try (ArticleIndex index = openEmpty()) {
            index.upsert(article, CodecSamples.chunkVectors(article, DIMENSION));
            index.commit();
        }
        // when
        try (ArticleIndex index = openEmpty()) {
            index.restamp("x1", new FileStamp(59, 1_700_000_000_123L));
            index.commit();
        }
        // then
        try (ArticleIndex reopened = openEmpty()) {
            assertEquals(Map.of("x1", new ArticleStore.Version("hash-x1", new FileStamp(59, 1_700_000_000_123L))),
                    reopened.versions());
            assertEquals(article.document(), reopened.document("x1").orElseThrow().document());
            assertEquals(2, reopened.stats().chunks());
        }
    }

    @Test
    void given_an_index_written_with_float_hnsw_when_opened_then_old_and_new_chunks_are_found_by_vector()
            throws IOException {
        // given: chunk vectors written as before the quantized graph (Lucene's default vectors format)
        IndexedDocument old = CodecSamples.article("old", DIMENSION);
        try (LuceneIndex index = LuceneIndex.open(FSDirectory.open(dir.resolve("index")), "test", DIMENSION,
                LuceneIndex.CACHE_BYTES, Codec.getDefault())) {
            index.upsert(old, oneHot(0, 1));
            index.commit();
        }
        // when: opened as now, and one more article written, quantized
        IndexedDocument added = CodecSamples.article("new", DIMENSION);
        try (ArticleIndex index = openEmpty()) {
            index.upsert(added, oneHot(2, 3));
            index.commit();
        }
        // then: each chunk is the nearest hit for its own vector, in either segment
        try (ArticleIndex reopened = openEmpty()) {
            for (IndexedDocument d : List.of(old, added)) {
                List<float[]> vectors = d == old ? oneHot(0, 1) : oneHot(2, 3);
                for (int c = 0; c < vectors.size(); c++) {
                    ChunkHit top = reopened.searchVector(vectors.get(c), 1).getFirst();
                    assertEquals(d.chunks().get(c), top.chunk(), d.document().id() + " chunk " + c);
                }
            }
            assertEquals(2, reopened.stats().documents());
        }
    }

    @Test
    void given_chunk_records_without_their_span_when_searched_then_hits_are_mapped_through_the_article()
            throws IOException {
        // given: an article whose chunk records lack the span doc values, as records written before they existed
        IndexedDocument old = CodecSamples.article("old", DIMENSION);
        try (ArticleIndex index = openEmpty()) {
            index.upsert(old, oneHot(0, 1));
            index.commit();
        }
        try (Directory d = FSDirectory.open(dir.resolve("index"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            w.updateDocValues(new Term(LuceneRecords.DOC_ID, "old"),
                    new NumericDocValuesField(LuceneRecords.CHUNK_SENTENCES, (Long) null),
                    new NumericDocValuesField(LuceneRecords.CHUNK_SPAN, (Long) null));
            w.commit();
        }
        // when: it is reopened and searched, next to an article written now
        IndexedDocument added = CodecSamples.article("new", DIMENSION);
        try (ArticleIndex index = openEmpty()) {
            assertEquals(1, index.stats().documents(), "the signature survived the rewrite");
            index.upsert(added, oneHot(2, 3));
            index.commit();
            // then: every chunk is found by its own vector, the old ones mapped through their article
            for (IndexedDocument a : List.of(old, added)) {
                List<float[]> vectors = a == old ? oneHot(0, 1) : oneHot(2, 3);
                for (int c = 0; c < vectors.size(); c++) {
                    List<ChunkHit> top = index.searchVector(vectors.get(c), 1);
                    assertEquals(List.of(a.chunks().get(c)), top.stream().map(ChunkHit::chunk).toList(),
                            a.document().id() + " chunk " + c);
                }
            }
        }
    }

    /** Unit vectors along the given axes, one per chunk. */
    private static List<float[]> oneHot(int... axes) {
        return java.util.Arrays.stream(axes).mapToObj(a -> {
            float[] v = new float[DIMENSION];
            v[a] = 1f;
            return v;
        }).toList();
    }

    @Test
    void given_an_index_of_another_signature_when_opened_then_it_is_emptied() {
        try (ArticleIndex index = openEmpty()) {
            IndexedDocument article = CodecSamples.article("x1", DIMENSION);
            index.upsert(article, CodecSamples.chunkVectors(article, DIMENSION));
            index.commit();
        }
        try (ArticleIndex other = LuceneIndex.open(dir.resolve("index"), "another model", DIMENSION)) {
            assertTrue(other.documents().isEmpty());
            assertEquals(0, other.stats().documents());
        }
    }

    @Test
    void given_open_fails_after_taking_the_lock_when_opening_again_then_the_lock_was_released() throws IOException {
        // given: a committed index, then a directory that fails to read the commit's user data once the writer
        // holds the lock (a read of the segments file by LuceneIndex itself, not by the writer it opened)
        Path path = dir.resolve("index");
        try (ArticleIndex index = openEmpty()) {
            IndexedDocument a = CodecSamples.article("x1", DIMENSION);
            index.upsert(a, CodecSamples.chunkVectors(a, DIMENSION));
            index.commit();
        }
        Directory failing = new FilterDirectory(FSDirectory.open(path)) {
            @Override
            public IndexInput openInput(String name, IOContext context) throws IOException {
                List<String> stack = java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                        .map(StackTraceElement::getClassName).toList();
                if (name.startsWith("segments_") && stack.contains(SegmentInfos.class.getName())
                        && !stack.contains(IndexWriter.class.getName())) {
                    throw new IOException("disk error (injected)");
                }
                return super.openInput(name, context);
            }
        };
        assertThrows(IOException.class, () -> LuceneIndex.open(failing, "test", DIMENSION, LuceneIndex.CACHE_BYTES));

        // when / then
        try (ArticleIndex index = openEmpty()) {
            assertEquals(1, index.documents().size());
        }
    }

    @Test
    void given_a_small_cache_when_many_articles_are_read_then_each_is_still_read_whole() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("small"), "test", DIMENSION, 4096)) {
            for (int i = 0; i < 50; i++) {
                IndexedDocument a = CodecSamples.article("d" + i, DIMENSION);
                index.upsert(a, CodecSamples.chunkVectors(a, DIMENSION));
            }
            index.commit();
            for (int i = 0; i < 50; i++) {
                assertEquals("d" + i, index.document("d" + i).orElseThrow().document().id());
            }
            assertEquals(List.of("d0", "d1", "d10"), index.documents().stream().limit(3).map(ArticleLookup.Entry::id).toList());
        }
    }

    @Test
    void given_a_search_that_began_before_a_commit_when_its_hits_are_checked_then_only_changed_articles_are_reported() {
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("changed"), "test", DIMENSION)) {
            // given: three committed articles
            for (String id : List.of("c1", "c2", "c3")) {
                IndexedDocument a = CodecSamples.article(id, DIMENSION);
                index.upsert(a, CodecSamples.chunkVectors(a, DIMENSION));
            }
            index.commit();
            IndexedDocument replaced = rehashed(CodecSamples.article("c1", DIMENSION), "hash-c1-v2");
            List<String> found = List.of("c1", "c2", "c3");

            index.searchers().with(searched -> {
                // then: nothing changed since the searcher a search would use now
                assertEquals(Map.of(), index.changedSince(searched, found));

                // when: c1 is replaced and c2 deleted, not yet committed
                index.upsert(replaced, CodecSamples.chunkVectors(replaced, DIMENSION));
                index.delete("c2");
                // then: both are reported from what is pending
                assertEquals(Map.of("c1", Optional.of("hash-c1-v2"), "c2", Optional.empty()),
                        hashes(index.changedSince(searched, found)));

                // when: committed while this searcher is still held (a search that began before the commit)
                index.commit();
                // then: the newer searcher's versions are read, for every id the old searcher found
                assertEquals(Map.of("c1", Optional.of("hash-c1-v2"), "c2", Optional.empty(), "c3", Optional.of("hash-c3")),
                        hashes(index.changedSince(searched, found)));
                return null;
            });
            // and a search on the searcher of now has nothing changed
            assertEquals(Map.of(), index.searchers().with(now -> index.changedSince(now, found)));
        }
    }

    private static IndexedDocument rehashed(IndexedDocument a, String hash) {
        Document d = a.document();
        return new IndexedDocument(new Document(d.id(), d.title(), d.date(), d.text(), d.sentences(), d.source(), hash),
                a.chunks(), a.sentenceVectors());
    }

    private static Map<String, Optional<String>> hashes(Map<String, Optional<ArticleStore.Version>> versions) {
        Map<String, Optional<String>> out = new TreeMap<>();
        versions.forEach((id, v) -> out.put(id, v.map(ArticleStore.Version::hash)));
        return out;
    }

    @Test
    void given_articles_committed_one_at_a_time_when_compacted_then_one_segment_holds_them_all_and_finds_each() {
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("compact"), "test", DIMENSION)) {
            // given: one segment per commit
            List<IndexedDocument> written = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                IndexedDocument a = CodecSamples.article("m" + i, DIMENSION);
                index.upsert(a, CodecSamples.chunkVectors(a, DIMENSION));
                index.commit();
                written.add(a);
            }
            index.delete("m3");
            int before = index.segments();

            // when
            index.compact();

            // then
            assertTrue(before > 1, "segments before: " + before);
            assertEquals(1, index.segments());
            assertEquals(List.of("m0", "m1", "m2"), index.documents().stream().map(ArticleLookup.Entry::id).toList());
            for (IndexedDocument a : written.subList(0, 3)) {
                String id = a.document().id();
                assertEquals(a.document(), index.document(id).orElseThrow().document());
                List<ChunkHit> hits = index.searchText(id, 10);
                assertEquals(a.chunks(), hits.stream().map(ChunkHit::chunk).sorted(
                        java.util.Comparator.comparingInt(io.footnote.domain.Chunk::ordinal)).toList(), id);
            }
        }
    }

    @Test
    void given_a_merge_running_when_the_index_is_closed_then_it_does_not_wait_for_the_merge_and_keeps_every_article()
            throws Exception {
        // given: four committed segments, and a merge into one running over them
        Path path = dir.resolve("closing");
        committedOneAtATime(path, 4);
        IndexedDocument late = CodecSamples.article("s4", DIMENSION); // written while the merge runs, not committed

        // when
        boolean compactionEnded = StoppedMerge.closeDuringCompaction(path, "test", DIMENSION,
                index -> index.upsert(late, CodecSamples.chunkVectors(late, DIMENSION)));

        // then: the merge was abandoned, not waited for and committed; every article is there, the late one too
        assertTrue(compactionEnded, "compaction ended");
        try (LuceneIndex reopened = LuceneIndex.open(path, "test", DIMENSION)) {
            assertEquals(5, reopened.segments(), "the four committed segments, unmerged, and the late write's");
            assertEquals(List.of("s0", "s1", "s2", "s3", "s4"),
                    reopened.documents().stream().map(ArticleLookup.Entry::id).toList());
            assertEquals(late.document(), reopened.document("s4").orElseThrow().document());
        }
    }

    @Test
    void given_a_merge_stopped_by_a_close_when_the_index_reopens_then_it_is_pending_until_a_compaction_runs()
            throws Exception {
        // given
        Path path = dir.resolve("resumed");
        committedOneAtATime(path, 3);
        StoppedMerge.closeDuringCompaction(path, "test", DIMENSION, index -> { });

        // when
        boolean pendingAfterRestart;
        boolean pendingAfterCompaction;
        int segmentsAfterCompaction;
        try (LuceneIndex reopened = LuceneIndex.open(path, "test", DIMENSION)) {
            pendingAfterRestart = reopened.compactionPending();
            reopened.compact();
            pendingAfterCompaction = reopened.compactionPending();
            segmentsAfterCompaction = reopened.segments();
        }

        // then: the restart knew the merge was cut short; a finished one clears that, across a restart too
        assertTrue(pendingAfterRestart, "a restart after a stopped merge");
        assertFalse(pendingAfterCompaction, "after the compaction finished");
        assertEquals(1, segmentsAfterCompaction);
        try (LuceneIndex again = LuceneIndex.open(path, "test", DIMENSION)) {
            assertFalse(again.compactionPending(), "a restart after the compaction finished");
            assertEquals(3, again.stats().documents());
        }
    }

    @Test
    void given_a_resumed_merge_under_way_when_a_pass_asks_then_nothing_is_pending_though_a_stop_would_resume_it()
            throws Exception {
        // given: a merge cut short by a stop, and the restart's compaction held once its merge has begun
        Path path = dir.resolve("under-way");
        committedOneAtATime(path, 3);
        StoppedMerge.closeDuringCompaction(path, "test", DIMENSION, index -> { });
        StoppedMerge.HeldMerges held = StoppedMerge.openHoldingMerges(path, "test", DIMENSION);
        boolean pendingBefore;
        boolean pendingWhileMerging;
        try (LuceneIndex index = held.index()) {
            pendingBefore = index.compactionPending();
            Thread compaction = Thread.ofPlatform().start(index::compact);
            assertTrue(held.began().await(30, java.util.concurrent.TimeUnit.SECONDS), "the merge began");

            // when: a pass that ends while the merge runs asks whether one is pending
            pendingWhileMerging = index.compactionPending();
            held.release().countDown();
            compaction.join(30_000);
        }

        // then: it is not asked for twice (it would rewrite the whole index again), and the index is merged
        assertTrue(pendingBefore);
        assertFalse(pendingWhileMerging, "a merge under way is not pending");
        try (LuceneIndex reopened = LuceneIndex.open(path, "test", DIMENSION)) {
            assertFalse(reopened.compactionPending());
            assertEquals(1, reopened.segments());
        }
    }

    @Test
    void given_a_compaction_that_finished_when_the_index_reopens_then_nothing_is_pending() {
        // given
        Path path = dir.resolve("finished");
        committedOneAtATime(path, 3);
        try (LuceneIndex index = LuceneIndex.open(path, "test", DIMENSION)) {
            assertFalse(index.compactionPending(), "never compacted");
            index.compact();
        }

        // when
        try (LuceneIndex reopened = LuceneIndex.open(path, "test", DIMENSION)) {
            // then
            assertFalse(reopened.compactionPending());
            assertEquals(1, reopened.segments());
        }
    }

    @Test
    void given_articles_indexed_then_every_record_has_norms_for_the_searched_fields_and_bm25_counts_only_chunks()
            throws IOException {
        // given: two articles (an article record and two chunk records each)
        Path path = dir.resolve("norms");
        try (LuceneIndex index = LuceneIndex.open(path, "test", DIMENSION)) {
            for (String id : List.of("n1", "n2")) {
                IndexedDocument a = CodecSamples.article(id, DIMENSION);
                index.upsert(a, CodecSamples.chunkVectors(a, DIMENSION));
            }
            index.commit();
        }
        // when the segment is read
        try (Directory d = FSDirectory.open(path); DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                int records = leaf.reader().maxDoc();
                for (String field : List.of(LuceneRecords.TEXT, LuceneRecords.TITLE)) {
                    // then each record has a norm (Lucene keeps them as a dense array, not behind a sparse index)
                    NumericDocValues norms = leaf.reader().getNormValues(field);
                    int withNorm = 0;
                    while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                        withNorm++;
                    }
                    assertEquals(records, withNorm, field + ": a norm per record");
                }
                // and BM25's statistics count only the chunks, which hold the text: the empty fields add no term
                int articles = leaf.reader().docFreq(new Term(LuceneRecords.KIND, LuceneRecords.KIND_DOC));
                assertEquals(records - articles, leaf.reader().getDocCount(LuceneRecords.TEXT));
                assertEquals(records - articles, leaf.reader().getDocCount(LuceneRecords.TITLE));
            }
            assertEquals(6, reader.maxDoc());
        }
    }

    /** Articles s0 … s(n-1), each in a commit (a segment) of its own. */
    private static void committedOneAtATime(Path path, int n) {
        try (LuceneIndex index = LuceneIndex.open(path, "test", DIMENSION)) {
            for (int i = 0; i < n; i++) {
                IndexedDocument a = CodecSamples.article("s" + i, DIMENSION);
                index.upsert(a, CodecSamples.chunkVectors(a, DIMENSION));
                index.commit();
            }
            assertEquals(n, index.segments());
        }
    }
}
