package io.footnote.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static io.footnote.index.LuceneRecords.CHUNK_DOC_ID;
import static io.footnote.index.LuceneRecords.CHUNK_HASH;
import static io.footnote.index.LuceneRecords.CHUNK_ORD;
import static io.footnote.index.LuceneRecords.DOC_ID;
import static io.footnote.index.LuceneRecords.KIND;
import static io.footnote.index.LuceneRecords.KIND_DOC;
import static io.footnote.index.LuceneRecords.TEXT;
import static io.footnote.index.LuceneRecords.TITLE;
import static io.footnote.index.LuceneRecords.VECTOR;

/**
 * The embedded Lucene index: one block of Lucene documents per article ({@link LuceneRecords}), replaced whole
 * with {@link IndexWriter#updateDocuments}, so re-ingesting an article is idempotent and a reader never sees
 * half of one.
 *
 * <p>Nothing per article is held on the heap: an article is read from its stored fields when a question needs
 * it, through a cache bounded by weight ({@link #CACHE_BYTES}); the listing, hashes and totals are read from
 * doc values. Opening the index reads no article, so start-up time and heap do not grow with the corpus. The
 * only per-article state is {@code pending}: articles written or deleted since the last commit, so that
 * {@link #document} answers with the version the next commit makes visible (and a search skips the chunks
 * of the version it replaces); it empties at each commit.
 */
public final class LuceneIndex implements ArticleIndex {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);

    /** Heap budget of the article cache: a few hundred typical articles, the working set of recent questions. */
    static final long CACHE_BYTES = 32L << 20;
    /** Layout of the records; part of the commit signature, so an index of another layout is rebuilt. */
    private static final String FORMAT = "lucene-records-2";
    private static final String COMMIT_SIGNATURE = "buildSignature";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final int dimension;
    private final Cache<String, IndexedDocument> cache;
    /** Written (present) or deleted (empty) since the last commit. */
    private final Map<String, Optional<IndexedDocument>> pending = new ConcurrentHashMap<>();

    private LuceneIndex(Directory directory, IndexWriter writer, SearcherManager searchers, int dimension, long cacheBytes) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.dimension = dimension;
        this.cache = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((String id, IndexedDocument d) -> ArticleCodec.weight(d)).build();
    }

    /**
     * Opens (or creates) the index under {@code path}. {@code signature} names everything that shapes the
     * indexed data (embedding model, chunking settings, ingestion pipeline version): an index built under
     * another signature (or another record layout) is emptied, since its vectors or sentence ids would not
     * match what ingestion now produces, and the next ingest rebuilds it. On failure nothing stays open (the
     * directory's {@code write.lock} is released).
     */
    public static LuceneIndex open(Path path, String signature, int dimension) {
        return open(path, signature, dimension, CACHE_BYTES);
    }

    static LuceneIndex open(Path path, String signature, int dimension, long cacheBytes) {
        try {
            Files.createDirectories(path);
            return open(FSDirectory.open(path), signature, dimension, cacheBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open index at " + path, e);
        }
    }

    /** Opens the index in {@code dir}, which it then owns: closed with the index, or at once if opening fails. */
    static LuceneIndex open(Directory dir, String signature, int dimension, long cacheBytes) throws IOException {
        String stamp = signature + "|" + FORMAT;
        IndexWriter writer = null;
        try {
            IndexWriterConfig cfg = new IndexWriterConfig(new EnglishAnalyzer());
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            cfg.setCommitOnClose(true);
            writer = new IndexWriter(dir, cfg);
            if (DirectoryReader.indexExists(dir)) {
                String built;
                try (DirectoryReader r = DirectoryReader.open(dir)) {
                    built = r.getIndexCommit().getUserData().get(COMMIT_SIGNATURE);
                }
                if (!stamp.equals(built)) {
                    LOG.infof("Index was built as [%s]; rebuilding it as [%s]", built, stamp);
                    writer.deleteAll();
                }
            }
            writer.setLiveCommitData(Map.of(COMMIT_SIGNATURE, stamp).entrySet());
            return new LuceneIndex(dir, writer, new SearcherManager(writer, null), dimension, cacheBytes);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                try {
                    writer.rollback(); // closes without committing, releasing write.lock
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            IOUtils.closeWhileHandlingException(dir);
            throw e;
        }
    }

    @Override
    public Map<String, String> contentHashes() {
        Map<String, String> out = withSearcher(LuceneListing::hashes);
        pending.forEach((id, d) -> d.ifPresentOrElse(a -> out.put(id, a.document().contentHash()), () -> out.remove(id)));
        return out;
    }

    @Override
    public void upsert(IndexedDocument d, List<float[]> chunkVectors) {
        String id = d.document().id();
        if (chunkVectors.size() != d.chunks().size()) {
            throw new IllegalArgumentException("one vector per chunk expected for " + id);
        }
        try {
            writer.updateDocuments(new Term(DOC_ID, id), LuceneRecords.block(d, chunkVectors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.put(id, Optional.of(d));
        cache.invalidate(id);
    }

    @Override
    public void delete(String documentId) {
        try {
            writer.deleteDocuments(new Term(DOC_ID, documentId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.put(documentId, Optional.empty());
        cache.invalidate(documentId);
    }

    /**
     * Commits and refreshes the searcher, then forgets what was pending. A cached article is invalidated only
     * after the refresh: a load running meanwhile holds the key, so the invalidation waits for it and removes
     * what it read from the old searcher; a later load sees the new one.
     */
    @Override
    public void commit() {
        Map<String, Optional<IndexedDocument>> committed = Map.copyOf(pending);
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committed.forEach((id, d) -> {
            cache.invalidate(id);
            pending.remove(id, d);
        });
    }

    @Override
    public Optional<IndexedDocument> document(String id) {
        Optional<IndexedDocument> written = pending.get(id);
        if (written != null) {
            return written;
        }
        return Optional.ofNullable(cache.get(id, this::load));
    }

    /** Reads an article's record from the current searcher; {@code null} when there is none. */
    private IndexedDocument load(String id) {
        return withSearcher(s -> {
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(DOC_ID, id)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(KIND, KIND_DOC)), BooleanClause.Occur.FILTER).build();
            TopDocs top = s.search(q, 1);
            return top.scoreDocs.length == 0 ? null
                    : LuceneRecords.decode(s.storedFields().document(top.scoreDocs[0].doc), dimension);
        });
    }

    @Override
    public List<Entry> documents() {
        Map<String, Entry> byId = new TreeMap<>();
        withSearcher(LuceneListing::entries).forEach(e -> byId.put(e.id(), e));
        pending.forEach((id, d) -> d.ifPresentOrElse(a -> byId.put(id, LuceneRecords.entry(a)), () -> byId.remove(id)));
        return List.copyOf(byId.values());
    }

    /** A page of the listing as of the last commit (what a search sees). */
    @Override
    public Page page(Optional<String> afterId, int limit, String titleContains) {
        return withSearcher(s -> LuceneListing.page(s, afterId, limit, titleContains));
    }

    /** Totals as of the last commit. */
    @Override
    public Stats stats() {
        return withSearcher(LuceneListing::stats);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<ChunkHit> searchText(String text, int n) {
        List<String> terms = analyze(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String t : terms) {
            q.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
            q.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), Bm25.TITLE_BOOST), BooleanClause.Occur.SHOULD);
        }
        return search(q.build(), n);
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int n) {
        return search(new KnnFloatVectorQuery(VECTOR, vector, n), n);
    }

    private List<ChunkHit> search(Query query, int n) {
        return withSearcher(s -> {
            ScoreDoc[] top = s.search(query, n).scoreDocs;
            // Doc values are read forward, so visit the hits in index order, then restore score order.
            Integer[] byDoc = new Integer[top.length];
            Arrays.setAll(byDoc, i -> i);
            Arrays.sort(byDoc, Comparator.comparingInt(i -> top[i].doc));
            ChunkHit[] found = new ChunkHit[top.length];
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            LeafReaderContext leaf = null;
            SortedDocValues ids = null;
            NumericDocValues ords = null;
            SortedDocValues hashes = null;
            for (int i : byDoc) {
                int doc = top[i].doc;
                if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                    ids = DocValues.getSorted(leaf.reader(), CHUNK_DOC_ID);
                    ords = DocValues.getNumeric(leaf.reader(), CHUNK_ORD);
                    hashes = DocValues.getSorted(leaf.reader(), CHUNK_HASH);
                }
                int local = doc - leaf.docBase;
                if (!ids.advanceExact(local) || !ords.advanceExact(local) || !hashes.advanceExact(local)) {
                    continue;
                }
                Optional<IndexedDocument> d = document(ids.lookupOrd(ids.ordValue()).utf8ToString());
                // Between an update and the next commit the searcher still sees the article's previous
                // chunks: they are skipped (hash differs), never mapped onto the new version's chunks.
                if (d.isPresent() && d.get().document().contentHash()
                        .equals(hashes.lookupOrd(hashes.ordValue()).utf8ToString())) {
                    found[i] = new ChunkHit(d.get().chunks().get((int) ords.longValue()), top[i].score);
                }
            }
            List<ChunkHit> hits = new ArrayList<>(top.length);
            for (ChunkHit h : found) {
                if (h != null) {
                    hits.add(h);
                }
            }
            return hits;
        });
    }

    @Override
    public List<String> analyze(String text) {
        return AnalyzedTerms.of(analyzer, TEXT, text);
    }

    @Override
    public double idf(String term) {
        return withSearcher(s -> Bm25.idf(s.getIndexReader().getDocCount(TEXT),
                s.getIndexReader().docFreq(new Term(TEXT, term))));
    }

    /** Size of the index files on disk, in bytes. */
    public long sizeOnDisk() {
        try {
            long total = 0;
            for (String f : directory.listAll()) {
                total += directory.fileLength(f);
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Closes the searchers, the writer (committing) and the directory; each is closed even if another fails. */
    @Override
    public void close() {
        try {
            IOUtils.close(searchers, writer, directory, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T withSearcher(SearcherTask<T> task) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return task.run(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }
}
