package io.footnote.index;

import io.footnote.domain.Chunk;
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
import org.apache.lucene.search.TopScoreDocCollectorManager;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.footnote.index.LuceneRecords.CHUNK_DOC_ID;
import static io.footnote.index.LuceneRecords.CHUNK_HASH;
import static io.footnote.index.LuceneRecords.CHUNK_ORD;
import static io.footnote.index.LuceneRecords.CHUNK_SENTENCES;
import static io.footnote.index.LuceneRecords.CHUNK_SPAN;
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
 * <p>Contract: a chunk hit is kept only when its content hash is that of its article's current version
 * ({@code changed}: between an update and the next commit the searcher still sees the previous chunks, which
 * are skipped, never mapped onto the new version's), and it is then that version's chunk; hits keep the
 * searcher's score order. A hit's chunk comes from its own doc values, so a search reads no article.
 */
final class LuceneChunkSearch {

    private final LuceneSearchers searchers;
    private final Function<String, Optional<IndexedDocument>> articles;
    private final BiFunction<IndexSearcher, Collection<String>, Map<String, Optional<ArticleStore.Version>>> changed;
    private final int dimension;

    /**
     * @param articles  the article version a hit belongs to (the index's {@code document})
     * @param changed   of some articles found by a searcher, those whose current version may differ from the one
     *                  that searcher holds, with their current version (empty: deleted); the index's
     *                  {@code changedSince}
     * @param dimension length of the stored vectors
     */
    LuceneChunkSearch(LuceneSearchers searchers, Function<String, Optional<IndexedDocument>> articles,
                      BiFunction<IndexSearcher, Collection<String>, Map<String, Optional<ArticleStore.Version>>> changed,
                      int dimension) {
        this.searchers = searchers;
        this.articles = articles;
        this.changed = changed;
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

    /**
     * The {@code n} chunks whose vectors are nearest {@code vector}. The graph search looks for twice as many: HNSW
     * is approximate, and a search over one merged segment ({@code LuceneIndex.compact}) explores less than one
     * per segment of a many-segment index did (BBC, 7 segments merged into one: recall@10 of the gold sentence
     * 0.973 → 0.959 asking for {@code n}, 0.973 asking for 2n, still cheaper than before the merge).
     */
    List<ChunkHit> byVector(float[] vector, int n) {
        return search(new KnnFloatVectorQuery(VECTOR, vector, 2 * n), n);
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
            // Only the best n are read, never the total: counting it exactly up to IndexSearcher's default of
            // 1,000 hits kept the BM25 search from skipping the postings that cannot reach the top n (block-max
            // pruning starts once the count stops mattering). The top n are the same either way.
            ScoreDoc[] top = s.search(query, new TopScoreDocCollectorManager(Math.max(1, n), null, Math.max(1, n)))
                    .scoreDocs;
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
        String[] ids = new String[top.length];
        String[] hashes = new String[top.length];
        Chunk[] chunks = new Chunk[top.length];
        int[] ordinals = new int[top.length];
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        ChunkValues values = null;
        for (int i : byDoc) {
            int doc = top[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = new ChunkValues(leaf);
            }
            values.read(doc - leaf.docBase, i, ids, hashes, ordinals, chunks);
        }
        // Whether a hit is of its article's current version: an article and its chunks are one block, so in the
        // searcher that found the hit they agree; only a later commit or a write not yet committed can make them
        // differ, and only for the articles that changed. Nothing is read for the others (a query per search over
        // the hits' ids cost an eighth of a question's CPU).
        Map<String, Optional<ArticleStore.Version>> since = changed.apply(s,
                Arrays.stream(ids).filter(Objects::nonNull).collect(Collectors.toSet()));
        ChunkHit[] found = new ChunkHit[top.length];
        for (int i = 0; i < top.length; i++) {
            if (ids[i] == null) {
                continue;
            }
            Optional<ArticleStore.Version> v = since.get(ids[i]);
            if (v != null && (v.isEmpty() || !v.get().hash().equals(hashes[i]))) {
                continue;
            }
            if (chunks[i] != null) {
                found[i] = new ChunkHit(chunks[i], top[i].score);
            } else {
                // A record written before chunks carried their span: map it through the article.
                Optional<IndexedDocument> d = articles.apply(ids[i]);
                if (d.isPresent() && d.get().document().contentHash().equals(hashes[i])) {
                    found[i] = new ChunkHit(d.get().chunks().get(ordinals[i]), top[i].score);
                }
            }
        }
        return found;
    }

    /** The chunk doc values of one leaf, read forward. */
    private static final class ChunkValues {
        private final SortedDocValues ids;
        private final NumericDocValues ords;
        private final SortedDocValues hashes;
        private final NumericDocValues sentences;
        private final NumericDocValues spans;

        ChunkValues(LeafReaderContext leaf) throws IOException {
            ids = DocValues.getSorted(leaf.reader(), CHUNK_DOC_ID);
            ords = DocValues.getNumeric(leaf.reader(), CHUNK_ORD);
            hashes = DocValues.getSorted(leaf.reader(), CHUNK_HASH);
            sentences = DocValues.getNumeric(leaf.reader(), CHUNK_SENTENCES);
            spans = DocValues.getNumeric(leaf.reader(), CHUNK_SPAN);
        }

        /** Fills slot {@code i} for leaf doc {@code local}; leaves the id null when the doc is no chunk. */
        void read(int local, int i, String[] idOut, String[] hashOut, int[] ordOut, Chunk[] chunkOut)
                throws IOException {
            if (!ids.advanceExact(local) || !ords.advanceExact(local) || !hashes.advanceExact(local)) {
                return;
            }
            idOut[i] = ids.lookupOrd(ids.ordValue()).utf8ToString();
            hashOut[i] = hashes.lookupOrd(hashes.ordValue()).utf8ToString();
            ordOut[i] = (int) ords.longValue();
            if (sentences.advanceExact(local) && spans.advanceExact(local)) {
                long run = sentences.longValue();
                long span = spans.longValue();
                chunkOut[i] = new Chunk(idOut[i], ordOut[i], LuceneRecords.high(run), LuceneRecords.low(run),
                        LuceneRecords.high(span), LuceneRecords.low(span));
            }
        }
    }
}
