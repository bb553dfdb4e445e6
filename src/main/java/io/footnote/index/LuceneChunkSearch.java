package io.footnote.index;

import org.apache.lucene.index.DocValues;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
 * The queries of a {@link LuceneIndex}: BM25 over chunk text and titles, k-nearest chunk vectors, a term's IDF,
 * and an article's stored record by id.
 *
 * <p>Contract: a chunk hit is mapped onto the article version {@code articles} returns, and only when its
 * content hash is that version's (between an update and the next commit the searcher still sees the previous
 * chunks, which are skipped, never mapped onto the new version's); hits keep the searcher's score order.
 */
final class LuceneChunkSearch {

    private final LuceneSearchers searchers;
    private final Function<String, Optional<IndexedDocument>> articles;
    private final int dimension;

    /**
     * @param articles  the article version a hit belongs to (the index's {@code document})
     * @param dimension length of the stored vectors
     */
    LuceneChunkSearch(LuceneSearchers searchers, Function<String, Optional<IndexedDocument>> articles,
                      int dimension) {
        this.searchers = searchers;
        this.articles = articles;
        this.dimension = dimension;
    }

    /** The best {@code n} chunks for analysed {@code terms}; titles weigh {@link Bm25#TITLE_BOOST} more. */
    List<ChunkHit> byTerms(List<String> terms, int n) {
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

    /** The {@code n} chunks whose vectors are nearest {@code vector}. */
    List<ChunkHit> byVector(float[] vector, int n) {
        return search(new KnnFloatVectorQuery(VECTOR, vector, n), n);
    }

    /** BM25's IDF of {@code term} in chunk text, as of the current searcher. */
    double idf(String term) {
        return searchers.with(s -> Bm25.idf(s.getIndexReader().getDocCount(TEXT),
                s.getIndexReader().docFreq(new Term(TEXT, term))));
    }

    /** Reads an article's record from the current searcher; {@code null} when there is none. */
    IndexedDocument load(String id) {
        return searchers.with(s -> {
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(DOC_ID, id)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(KIND, KIND_DOC)), BooleanClause.Occur.FILTER).build();
            TopDocs top = s.search(q, 1);
            return top.scoreDocs.length == 0 ? null
                    : LuceneRecords.decode(s.storedFields().document(top.scoreDocs[0].doc), dimension);
        });
    }

    private List<ChunkHit> search(Query query, int n) {
        return searchers.with(s -> {
            ScoreDoc[] top = s.search(query, n).scoreDocs;
            ChunkHit[] found = hits(s, top);
            List<ChunkHit> hits = new ArrayList<>(top.length);
            for (ChunkHit h : found) {
                if (h != null) {
                    hits.add(h);
                }
            }
            return hits;
        });
    }

    /** The chunk of each of {@code top}, in the same order; {@code null} where it is of no current version. */
    private ChunkHit[] hits(IndexSearcher s, ScoreDoc[] top) throws IOException {
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
            Optional<IndexedDocument> d = articles.apply(ids.lookupOrd(ids.ordValue()).utf8ToString());
            if (d.isPresent() && d.get().document().contentHash()
                    .equals(hashes.lookupOrd(hashes.ordValue()).utf8ToString())) {
                found[i] = new ChunkHit(d.get().chunks().get((int) ords.longValue()), top[i].score);
            }
        }
        return found;
    }
}
