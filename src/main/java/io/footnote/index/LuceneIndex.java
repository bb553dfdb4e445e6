package io.footnote.index;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
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
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded Lucene index: one block of Lucene documents per article (a record holding the article,
 * its sentence offsets and sentence vectors, followed by one record per chunk with BM25 text and an HNSW
 * vector). A block is replaced whole with {@link IndexWriter#updateDocuments}, so re-ingesting an article is
 * idempotent and a reader never sees half of one.
 *
 * <p>Articles are also kept in memory once loaded: answers and citations need their text and sentence
 * vectors on every question, and reading stored fields for that would cost more than it saves here.
 */
public final class LuceneIndex implements ArticleIndex {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);

    static final String KIND = "kind";
    static final String KIND_DOC = "doc";
    static final String KIND_CHUNK = "chunk";
    static final String DOC_ID = "docId";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String VECTOR = "vector";
    private static final String CHUNK_ORD = "chunkOrd";
    private static final String STORED_TITLE = "storedTitle";
    private static final String HASH = "hash";
    private static final String SOURCE = "source";
    private static final String DATE = "date";
    private static final String BODY = "body";
    private static final String SENTENCES = "sentences";
    private static final String CHUNKS = "chunks";
    private static final String SENTENCE_VECTORS = "sentenceVectors";
    private static final String COMMIT_SIGNATURE = "buildSignature";

    private static final String CHUNK_DOC_ID = "chunkDocId";
    private static final String CHUNK_HASH = "chunkHash";

    /** Weight of the title relative to the chunk text in BM25: a headline match is a weaker signal. */
    private static final float TITLE_BOOST = 0.3f;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final int dimension;
    private final Map<String, IndexedDocument> documents = new ConcurrentHashMap<>();

    private LuceneIndex(Directory directory, IndexWriter writer, int dimension) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.dimension = dimension;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens (or creates) the index under {@code path}. {@code signature} names everything that shapes the
     * indexed data (embedding model, chunking settings, ingestion pipeline version): an index built under
     * another signature is emptied, since its vectors or sentence ids would not match what ingestion now
     * produces, and the next ingest rebuilds it.
     */
    public static LuceneIndex open(Path path, String signature, int dimension) {
        try {
            Files.createDirectories(path);
            Directory dir = FSDirectory.open(path);
            IndexWriterConfig cfg = new IndexWriterConfig(new EnglishAnalyzer());
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            cfg.setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(dir, cfg);
            if (DirectoryReader.indexExists(dir)) {
                String built;
                try (DirectoryReader r = DirectoryReader.open(dir)) {
                    built = r.getIndexCommit().getUserData().get(COMMIT_SIGNATURE);
                }
                if (!signature.equals(built)) {
                    LOG.infof("Index was built as [%s]; rebuilding it as [%s]", built, signature);
                    writer.deleteAll();
                }
            }
            writer.setLiveCommitData(Map.of(COMMIT_SIGNATURE, signature).entrySet());
            LuceneIndex index = new LuceneIndex(dir, writer, dimension);
            index.loadDocuments();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open index at " + path, e);
        }
    }

    private void loadDocuments() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs all = s.search(new TermQuery(new Term(KIND, KIND_DOC)), Math.max(1, s.getIndexReader().maxDoc()));
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : all.scoreDocs) {
                IndexedDocument d = fromStored(stored.document(sd.doc));
                documents.put(d.document().id(), d);
            }
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public Map<String, String> contentHashes() {
        Map<String, String> out = new HashMap<>();
        documents.forEach((id, d) -> out.put(id, d.document().contentHash()));
        return out;
    }

    @Override
    public void upsert(IndexedDocument d, List<float[]> chunkVectors) {
        Document doc = d.document();
        if (chunkVectors.size() != d.chunks().size()) {
            throw new IllegalArgumentException("one vector per chunk expected for " + doc.id());
        }
        List<org.apache.lucene.document.Document> block = new ArrayList<>();
        block.add(toStored(d));
        for (int i = 0; i < d.chunks().size(); i++) {
            Chunk c = d.chunks().get(i);
            org.apache.lucene.document.Document ld = new org.apache.lucene.document.Document();
            ld.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
            ld.add(new StringField(DOC_ID, doc.id(), Field.Store.YES));
            // Columnar, so a search hit is mapped to its chunk without decompressing stored fields.
            ld.add(new SortedDocValuesField(CHUNK_DOC_ID, new BytesRef(doc.id())));
            ld.add(new NumericDocValuesField(CHUNK_ORD, c.ordinal()));
            ld.add(new SortedDocValuesField(CHUNK_HASH, new BytesRef(doc.contentHash())));
            ld.add(new TextField(TEXT, doc.text().substring(c.start(), c.end()), Field.Store.NO));
            ld.add(new TextField(TITLE, doc.title(), Field.Store.NO));
            ld.add(new KnnFloatVectorField(VECTOR, chunkVectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
            block.add(ld);
        }
        try {
            writer.updateDocuments(new Term(DOC_ID, doc.id()), block);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.put(doc.id(), d);
    }

    @Override
    public void delete(String documentId) {
        try {
            writer.deleteDocuments(new Term(DOC_ID, documentId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.remove(documentId);
    }

    @Override
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<IndexedDocument> document(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public List<Entry> documents() {
        return documents.values().stream()
                .map(d -> new Entry(d.document().id(), d.document().title(), d.document().date(),
                        d.document().source(), d.document().sentences().size(), d.chunks().size()))
                .sorted(java.util.Comparator.comparing(Entry::id))
                .toList();
    }

    @Override
    public Stats stats() {
        int sentences = 0;
        int chunks = 0;
        int count = 0;
        for (IndexedDocument d : documents.values()) {
            count++;
            sentences += d.document().sentences().size();
            chunks += d.chunks().size();
        }
        return new Stats(count, sentences, chunks);
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
            q.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
        }
        return search(q.build(), n);
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int n) {
        return search(new KnnFloatVectorQuery(VECTOR, vector, n), n);
    }

    private List<ChunkHit> search(Query query, int n) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                ScoreDoc[] top = s.search(query, n).scoreDocs;
                // Doc values are read forward, so visit the hits in index order, then restore score order.
                Integer[] byDoc = new Integer[top.length];
                for (int i = 0; i < top.length; i++) {
                    byDoc[i] = i;
                }
                java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> top[i].doc));
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
                    IndexedDocument d = documents.get(ids.lookupOrd(ids.ordValue()).utf8ToString());
                    // Between an update and the next commit the searcher still sees the article's previous
                    // chunks: they are skipped (hash differs), never mapped onto the new version's chunks.
                    if (d != null && d.document().contentHash().equals(hashes.lookupOrd(hashes.ordValue()).utf8ToString())) {
                        found[i] = new ChunkHit(d.chunks().get((int) ords.longValue()), top[i].score);
                    }
                }
                List<ChunkHit> hits = new ArrayList<>(top.length);
                for (ChunkHit h : found) {
                    if (h != null) {
                        hits.add(h);
                    }
                }
                return hits;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> analyze(String text) {
        return AnalyzedTerms.of(analyzer, TEXT, text);
    }

    @Override
    public double idf(String term) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                long n = Math.max(1, s.getIndexReader().getDocCount(TEXT));
                long df = s.getIndexReader().docFreq(new Term(TEXT, term));
                return Math.log(1 + (n - df + 0.5) / (df + 0.5));
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private org.apache.lucene.document.Document toStored(IndexedDocument d) {
        Document doc = d.document();
        org.apache.lucene.document.Document ld = new org.apache.lucene.document.Document();
        ld.add(new StringField(KIND, KIND_DOC, Field.Store.NO));
        ld.add(new StringField(DOC_ID, doc.id(), Field.Store.YES));
        ld.add(new StoredField(HASH, doc.contentHash()));
        ld.add(new StoredField(SOURCE, doc.source()));
        ld.add(new StoredField(STORED_TITLE, doc.title()));
        if (doc.date() != null) {
            ld.add(new StoredField(DATE, doc.date().toString()));
        }
        ld.add(new StoredField(BODY, doc.text()));
        int[] spans = new int[doc.sentences().size() * 2];
        for (Sentence s : doc.sentences()) {
            spans[2 * s.index()] = s.start();
            spans[2 * s.index() + 1] = s.end();
        }
        ld.add(new StoredField(SENTENCES, ints(spans)));
        int[] runs = new int[d.chunks().size() * 2];
        for (Chunk c : d.chunks()) {
            runs[2 * c.ordinal()] = c.firstSentence();
            runs[2 * c.ordinal() + 1] = c.lastSentence();
        }
        ld.add(new StoredField(CHUNKS, ints(runs)));
        ByteBuffer vecs = ByteBuffer.allocate(d.sentenceVectors().length * dimension * Float.BYTES);
        for (float[] v : d.sentenceVectors()) {
            vecs.asFloatBuffer().put(v);
            vecs.position(vecs.position() + v.length * Float.BYTES);
        }
        ld.add(new StoredField(SENTENCE_VECTORS, vecs.array()));
        return ld;
    }

    private IndexedDocument fromStored(org.apache.lucene.document.Document ld) {
        String id = ld.get(DOC_ID);
        String text = ld.get(BODY);
        int[] spans = ints(bytes(ld.getBinaryValue(SENTENCES)));
        List<Sentence> sentences = new ArrayList<>(spans.length / 2);
        for (int i = 0; i < spans.length / 2; i++) {
            sentences.add(new Sentence(i, spans[2 * i], spans[2 * i + 1]));
        }
        String date = ld.get(DATE);
        Document doc = new Document(id, ld.get(STORED_TITLE), date == null ? null : LocalDate.parse(date), text,
                sentences, ld.get(SOURCE), ld.get(HASH));
        int[] runs = ints(bytes(ld.getBinaryValue(CHUNKS)));
        List<Chunk> chunks = new ArrayList<>(runs.length / 2);
        for (int i = 0; i < runs.length / 2; i++) {
            int first = runs[2 * i];
            int last = runs[2 * i + 1];
            chunks.add(new Chunk(id, i, first, last, sentences.get(first).start(), sentences.get(last).end()));
        }
        ByteBuffer vecs = ByteBuffer.wrap(bytes(ld.getBinaryValue(SENTENCE_VECTORS)));
        float[][] vectors = new float[sentences.size()][dimension];
        for (float[] v : vectors) {
            vecs.asFloatBuffer().get(v);
            vecs.position(vecs.position() + dimension * Float.BYTES);
        }
        return new IndexedDocument(doc, chunks, vectors);
    }

    private static byte[] bytes(org.apache.lucene.util.BytesRef ref) {
        return java.util.Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
    }

    private static byte[] ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES);
        b.asIntBuffer().put(values);
        return b.array();
    }

    private static int[] ints(byte[] bytes) {
        int[] out = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(out);
        return out;
    }
}
