package io.footnote.index;

import io.footnote.domain.Chunk;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How {@link LuceneIndex} lays an article out as Lucene documents: one article record (the {@link ArticleCodec}
 * fields as stored fields, read only when a question needs the article; its id, hash and counts as doc values,
 * read column-wise for the listing, totals and the sync, with its file's stamp) followed by one record per chunk
 * (BM25 text, HNSW vector, and doc values mapping a hit back to its chunk without touching stored fields).
 */
final class LuceneRecords {

    static final String KIND = "kind";
    static final String KIND_DOC = "doc";
    static final String KIND_CHUNK = "chunk";
    static final String DOC_ID = "docId";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String VECTOR = "vector";
    /** Doc values of a chunk record: its article, ordinal and the article version it belongs to. */
    static final String CHUNK_DOC_ID = "chunkDocId";
    static final String CHUNK_ORD = "chunkOrd";
    static final String CHUNK_HASH = "chunkHash";
    /**
     * A chunk's sentence run and character span, packed two ints to a long ({@link #pack}), so that a search
     * hit becomes a {@link Chunk} without reading its article's stored fields. Records written before these
     * existed lack them; their hits are mapped through the article as before.
     */
    static final String CHUNK_SENTENCES = "chunkSentences";
    static final String CHUNK_SPAN = "chunkSpan";
    /** Doc values of an article record. */
    static final String ARTICLE_ID = "articleId";
    static final String ARTICLE_HASH = "articleHash";
    static final String SENTENCE_COUNT = "sentenceCount";
    static final String CHUNK_COUNT = "chunkCount";
    /**
     * Doc values of an article record: its file's {@link FileStamp}. Doc values only, so that
     * {@link LuceneIndex#restamp} can update them in place (on the chunk records of the article too, unread).
     */
    static final String FILE_SIZE = "fileSize";
    static final String FILE_MODIFIED = "fileModified";
    /** The article record's title, lower-cased and whole, for the listing's title filter. */
    static final String LIST_TITLE = "listTitle";

    private static final String HASH = "hash";
    private static final String SOURCE = "source";
    private static final String STORED_TITLE = "storedTitle";
    private static final String DATE = "date";
    private static final String BODY = "body";
    private static final String SENTENCES = "sentences";
    private static final String CHUNKS = "chunks";
    private static final String SENTENCE_VECTORS = "sentenceVectors";
    private static final String STORED_SENTENCES = "storedSentenceCount";
    private static final String STORED_CHUNKS = "storedChunkCount";

    /** The stored fields a listing line reads (not the text, not the vectors). */
    static final Set<String> ENTRY_FIELDS = Set.of(DOC_ID, STORED_TITLE, DATE, SOURCE, STORED_SENTENCES, STORED_CHUNKS);

    private LuceneRecords() {
    }

    /** The article record followed by one record per chunk: the block {@link LuceneIndex} writes whole. */
    static List<Document> block(IndexedDocument d, List<float[]> chunkVectors) {
        List<Document> block = new ArrayList<>(1 + d.chunks().size());
        block.add(article(d));
        String id = d.document().id();
        String hash = d.document().contentHash();
        for (int i = 0; i < d.chunks().size(); i++) {
            Chunk c = d.chunks().get(i);
            Document ld = new Document();
            ld.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
            ld.add(new StringField(DOC_ID, id, Field.Store.NO));
            ld.add(new SortedDocValuesField(CHUNK_DOC_ID, new BytesRef(id)));
            ld.add(new NumericDocValuesField(CHUNK_ORD, c.ordinal()));
            ld.add(new SortedDocValuesField(CHUNK_HASH, new BytesRef(hash)));
            ld.add(new NumericDocValuesField(CHUNK_SENTENCES, pack(c.firstSentence(), c.lastSentence())));
            ld.add(new NumericDocValuesField(CHUNK_SPAN, pack(c.start(), c.end())));
            ld.add(new TextField(TEXT, d.document().text().substring(c.start(), c.end()), Field.Store.NO));
            ld.add(new TextField(TITLE, d.document().title(), Field.Store.NO));
            ld.add(new KnnFloatVectorField(VECTOR, chunkVectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
            block.add(ld);
        }
        return block;
    }

    /** Two non-negative ints in one long: {@code high} in the upper half. */
    static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    static int high(long packed) {
        return (int) (packed >>> 32);
    }

    static int low(long packed) {
        return (int) packed;
    }

    private static Document article(IndexedDocument d) {
        ArticleCodec.Encoded e = ArticleCodec.encode(d);
        Document ld = new Document();
        ld.add(new StringField(KIND, KIND_DOC, Field.Store.NO));
        // The searched fields, empty: every record of a segment then has a norm for them, and Lucene stores norms
        // that every document has as a plain array, where norms some documents lack are looked up through a
        // sparse index at every hit scored (at 50,000 articles, a seventh of a question's CPU went there). An
        // empty field holds no term, so BM25's statistics (documents with the field, their average length) and
        // every score stay as they were.
        ld.add(new TextField(TEXT, "", Field.Store.NO));
        ld.add(new TextField(TITLE, "", Field.Store.NO));
        ld.add(new StringField(DOC_ID, e.id(), Field.Store.YES));
        ld.add(new SortedDocValuesField(ARTICLE_ID, new BytesRef(e.id())));
        ld.add(new StringField(LIST_TITLE, e.title().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        ld.add(new SortedDocValuesField(ARTICLE_HASH, new BytesRef(e.hash())));
        ld.add(new NumericDocValuesField(SENTENCE_COUNT, e.spans().length / 2));
        ld.add(new NumericDocValuesField(CHUNK_COUNT, e.runs().length / 2));
        if (e.stamp() != null) {
            ld.add(new NumericDocValuesField(FILE_SIZE, e.stamp().size()));
            ld.add(new NumericDocValuesField(FILE_MODIFIED, e.stamp().modified()));
        }
        ld.add(new StoredField(STORED_SENTENCES, e.spans().length / 2));
        ld.add(new StoredField(STORED_CHUNKS, e.runs().length / 2));
        ld.add(new StoredField(HASH, e.hash()));
        ld.add(new StoredField(SOURCE, e.source()));
        ld.add(new StoredField(STORED_TITLE, e.title()));
        if (e.date() != null) {
            ld.add(new StoredField(DATE, e.date()));
        }
        ld.add(new StoredField(BODY, e.text()));
        ld.add(new StoredField(SENTENCES, ArticleCodec.ints(e.spans())));
        ld.add(new StoredField(CHUNKS, ArticleCodec.ints(e.runs())));
        ld.add(new StoredField(SENTENCE_VECTORS, e.vectors()));
        return ld;
    }

    /** The article an article record holds. */
    static IndexedDocument decode(Document ld, int dimension) {
        return ArticleCodec.decode(new ArticleCodec.Encoded(ld.get(DOC_ID), ld.get(STORED_TITLE), ld.get(DATE),
                ld.get(SOURCE), ld.get(HASH), ld.get(BODY), ints(ld.getBinaryValue(SENTENCES)),
                ints(ld.getBinaryValue(CHUNKS)), bytes(ld.getBinaryValue(SENTENCE_VECTORS)), null), dimension);
    }

    /** The listing line of an article record read with {@link #ENTRY_FIELDS}. */
    static ArticleLookup.Entry entry(Document ld) {
        String date = ld.get(DATE);
        return new ArticleLookup.Entry(ld.get(DOC_ID), ld.get(STORED_TITLE), date == null ? null : LocalDate.parse(date),
                ld.get(SOURCE), ld.getField(STORED_SENTENCES).numericValue().intValue(),
                ld.getField(STORED_CHUNKS).numericValue().intValue());
    }

    /** The listing line of an article not yet committed. */
    static ArticleLookup.Entry entry(IndexedDocument d) {
        io.footnote.domain.Document doc = d.document();
        return new ArticleLookup.Entry(doc.id(), doc.title(), doc.date(), doc.source(), doc.sentences().size(),
                d.chunks().size());
    }

    private static int[] ints(BytesRef ref) {
        return ArticleCodec.ints(ref.bytes, ref.offset, ref.length);
    }

    private static byte[] bytes(BytesRef ref) {
        return java.util.Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
    }
}
