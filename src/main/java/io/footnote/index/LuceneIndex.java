package io.footnote.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static io.footnote.index.LuceneRecords.DOC_ID;
import static io.footnote.index.LuceneRecords.TEXT;

/**
 * The embedded Lucene index: one block of Lucene documents per article ({@link LuceneRecords}), replaced whole
 * with {@link IndexWriter#updateDocuments}, so re-ingesting an article is idempotent and a reader never sees
 * half of one.
 *
 * <p>Nothing per article is held on the heap: an article is read from its stored fields when a question needs
 * it, through a cache bounded by weight ({@link #CACHE_BYTES}); the listing, hashes, file stamps and totals are read
 * from doc values. Opening the index reads no article, so start-up time and heap do not grow with the corpus. The
 * only per-article state is {@code pending}: articles written or deleted since the last commit, so that
 * {@link #document} answers with the version the next commit makes visible (and a search skips the chunks
 * of the version it replaces); it empties at each commit. Queries are {@link LuceneChunkSearch}'s, over the
 * {@link LuceneSearchers}; the listing is {@link LuceneListing}'s.
 */
public final class LuceneIndex implements ArticleIndex {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);

    /** Heap budget of the article cache: a few hundred typical articles, the working set of recent questions. */
    static final long CACHE_BYTES = 32L << 20;
    /** Layout of the records; part of the commit signature, so an index of another layout is rebuilt. */
    private static final String FORMAT = "lucene-records-2";
    private static final String COMMIT_SIGNATURE = "buildSignature";
    /**
     * Set in the commit data while {@link #compact} merges: a commit that carries it was made before the merge
     * finished (the service stopped during it, {@link #close}), so the index still has the parts the merge was
     * folding and {@link #compactionPending} tells the next start to merge them.
     */
    private static final String COMPACTION = "compaction";

    private final Directory directory;
    private final IndexWriter writer;
    private final LuceneSearchers searchers;
    private final LuceneChunkSearch queries;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final int dimension;
    private final Cache<String, IndexedDocument> cache;
    /** Written (present) or deleted (empty) since the last commit. */
    private final Map<String, Optional<IndexedDocument>> pending = new ConcurrentHashMap<>();
    private final String stamp;
    private volatile boolean compactionPending;

    private LuceneIndex(Directory directory, IndexWriter writer, LuceneSearchers searchers, int dimension,
                        long cacheBytes, String stamp, boolean compactionPending) {
        this.directory = directory;
        this.stamp = stamp;
        this.compactionPending = compactionPending;
        this.writer = writer;
        this.searchers = searchers;
        this.queries = new LuceneChunkSearch(searchers, this::document, this::changedSince, dimension);
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
        return open(dir, signature, dimension, cacheBytes, LuceneCodec.create());
    }

    /** As above, writing new segments with {@code codec} (a test writes an index as an older version did). */
    static LuceneIndex open(Directory dir, String signature, int dimension, long cacheBytes, Codec codec)
            throws IOException {
        String stamp = signature + "|" + FORMAT;
        IndexWriter writer = null;
        try {
            IndexWriterConfig cfg = new IndexWriterConfig(new EnglishAnalyzer());
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            cfg.setCodec(codec);
            cfg.setCommitOnClose(true);
            writer = new IndexWriter(dir, cfg);
            boolean compactionPending = false;
            if (DirectoryReader.indexExists(dir)) {
                // The last commit's user data, from its segments file alone: a reader would open every segment
                // (norms, doc values, vector metadata) once here and again for the searchers below.
                Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
                String built = data.get(COMMIT_SIGNATURE);
                if (!stamp.equals(built)) {
                    LOG.infof("Index was built as [%s]; rebuilding it as [%s]", built, stamp);
                    writer.deleteAll();
                } else if (data.containsKey(COMPACTION)) {
                    compactionPending = true;
                    LOG.infof("The index's last merge into one segment was stopped before it finished; "
                            + "the next ingest pass merges it");
                }
            }
            writer.setLiveCommitData(commitData(stamp, compactionPending).entrySet());
            LuceneSearchers searchers = new LuceneSearchers(writer);
            try {
                return new LuceneIndex(dir, writer, searchers, dimension, cacheBytes, stamp, compactionPending);
            } catch (RuntimeException e) {
                IOUtils.closeWhileHandlingException(searchers); // before the writer it reads from
                throw e;
            }
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
    public Map<String, Version> versions() {
        Map<String, Version> out = searchers.with(LuceneListing::versions);
        pending.forEach((id, d) -> d.ifPresentOrElse(
                a -> out.put(id, new Version(a.document().contentHash(), a.stamp())), () -> out.remove(id)));
        return out;
    }

    @Override
    public Map<String, Version> versions(Collection<String> ids) {
        Map<String, Version> out = searchers.with(s -> LuceneListing.versions(s, ids));
        for (String id : ids) {
            Optional<IndexedDocument> d = pending.get(id);
            if (d != null) {
                d.ifPresentOrElse(a -> out.put(id, new Version(a.document().contentHash(), a.stamp())),
                        () -> out.remove(id));
            }
        }
        return out;
    }

    /** How many segments the committed index is in: a search visits each one's terms and vector graph. */
    public int segments() {
        return searchers.with(s -> s.getIndexReader().leaves().size());
    }

    /** The searchers, for a test that holds one across a commit. */
    LuceneSearchers searchers() {
        return searchers;
    }

    /**
     * Of {@code ids}, articles that {@code searched} holds, those whose current version may differ from the one
     * it holds, with that version (empty: deleted since). Writes not yet committed are read first: a commit
     * refreshes the searchers before it forgets them, so when none is pending here any commit since shows as a
     * newer searcher, and only then are the ids' versions read from it.
     */
    Map<String, Optional<Version>> changedSince(IndexSearcher searched, Collection<String> ids) {
        Map<String, Optional<Version>> out = new HashMap<>();
        List<String> committed = new ArrayList<>(ids.size());
        for (String id : ids) {
            Optional<IndexedDocument> d = pending.get(id);
            if (d == null) {
                committed.add(id);
            } else {
                out.put(id, d.map(a -> new Version(a.document().contentHash(), a.stamp())));
            }
        }
        if (!committed.isEmpty()) {
            searchers.with(current -> {
                if (current != searched) {
                    Map<String, Version> now = LuceneListing.versions(current, committed);
                    committed.forEach(id -> out.put(id, Optional.ofNullable(now.get(id))));
                }
                return null;
            });
        }
        return out;
    }

    /**
     * Reads the committed searcher's id doc values; deleting meanwhile goes to the writer and does not change
     * the searcher being read.
     */
    @Override
    public void forEachId(Consumer<String> action) {
        searchers.with(s -> {
            LuceneListing.forEachId(s, action);
            return null;
        });
    }

    /**
     * Updates the stamp's doc values in place (the article's chunk records get them too, and never read them):
     * no record is rewritten.
     */
    @Override
    public void restamp(String documentId, FileStamp stamp) {
        try {
            writer.updateDocValues(new Term(DOC_ID, documentId),
                    new NumericDocValuesField(LuceneRecords.FILE_SIZE, stamp.size()),
                    new NumericDocValuesField(LuceneRecords.FILE_MODIFIED, stamp.modified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            searchers.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committed.forEach((id, d) -> {
            cache.invalidate(id);
            pending.remove(id, d);
        });
    }

    private static Map<String, String> commitData(String stamp, boolean compacting) {
        return compacting ? Map.of(COMMIT_SIGNATURE, stamp, COMPACTION, "unfinished") : Map.of(COMMIT_SIGNATURE, stamp);
    }

    /**
     * Commits, then merges every segment into one ({@link IndexWriter#forceMerge}, waiting for it) and commits and
     * refreshes again. On the BBC corpus (2,225 articles, 8 segments after its first build) a question's retrieval
     * then costs about a sixth less CPU; the merge took 1.7 s there. The commits made while it merges say so in
     * their data, so that a merge cut short by {@link #close} is picked up again after a restart
     * ({@link #compactionPending}).
     */
    @Override
    public void compact() {
        commit();
        int before = segments();
        if (before <= 1 && !compactionPending) {
            return;
        }
        // Under way: a pass that ends meanwhile (an upload while the merge runs in the background) must not ask for
        // it again, which would rewrite the whole index a second time. The commits say so until it finishes.
        compactionPending = false;
        writer.setLiveCommitData(commitData(stamp, true).entrySet());
        commit();
        long started = System.nanoTime();
        if (before > 1) {
            LOG.infof("Merging the index's %d segments into one; searches and writes go on meanwhile", before);
            try {
                writer.forceMerge(1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        writer.setLiveCommitData(commitData(stamp, false).entrySet());
        commit();
        if (before > 1) {
            LOG.infof("Merged the index's %d segments into one in %d ms", before,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Whether a merge that a stop cut short waits to be resumed: true from opening an index whose last
     * {@link #compact} did not finish until the next one begins. (A merge that fails or is stopped in this run
     * is resumed after the restart: its commits still say it did not finish.)
     */
    @Override
    public boolean compactionPending() {
        return compactionPending;
    }

    @Override
    public Optional<IndexedDocument> document(String id) {
        Optional<IndexedDocument> written = pending.get(id);
        if (written != null) {
            return written;
        }
        return Optional.ofNullable(cache.get(id, queries::load));
    }

    @Override
    public List<Entry> documents() {
        Map<String, Entry> byId = new TreeMap<>();
        searchers.with(LuceneListing::entries).forEach(e -> byId.put(e.id(), e));
        pending.forEach((id, d) -> d.ifPresentOrElse(a -> byId.put(id, LuceneRecords.entry(a)), () -> byId.remove(id)));
        return List.copyOf(byId.values());
    }

    /** A page of the listing as of the last commit (what a search sees). */
    @Override
    public Page page(Optional<String> afterId, int limit, String titleContains) {
        return searchers.with(s -> LuceneListing.page(s, afterId, limit, titleContains));
    }

    /** Totals as of the last commit. */
    @Override
    public Stats stats() {
        return searchers.with(LuceneListing::stats);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<ChunkHit> searchText(String text, int n) {
        return queries.byTerms(analyze(text), n);
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int n) {
        return queries.byVector(vector, n);
    }

    @Override
    public List<String> analyze(String text) {
        return AnalyzedTerms.of(analyzer, TEXT, text);
    }

    @Override
    public double idf(String term) {
        return queries.idf(term);
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

    /**
     * Closes the searchers, the writer and the directory; each is closed even if another fails. The writer commits
     * what was written and is then rolled back rather than closed: {@link IndexWriter#close} waits for running
     * merges, and a bulk pass's merge into one segment ({@link #compact}) takes minutes on a large index (554 s at
     * 200,000 articles), which a stopping service would wait for. Rolling back aborts the merge and keeps the commit
     * just made, so nothing written is lost; that commit says the merge did not finish, so the first ingest pass after
     * the restart merges the index again ({@link #compactionPending}).
     */
    @Override
    public void close() {
        Closeable closeWriter = () -> {
            try {
                writer.commit();
            } finally {
                writer.rollback(); // aborts running merges; the commit above holds every write
            }
        };
        try {
            IOUtils.close(searchers, closeWriter, directory, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
