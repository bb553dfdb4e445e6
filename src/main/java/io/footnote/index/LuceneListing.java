package io.footnote.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@link LuceneIndex} reads over all committed articles without loading any: the listing (stored fields
 * of the listing line only, in id order), the content hashes and file stamps, and the totals (doc values, column-wise).
 */
final class LuceneListing {

    private LuceneListing() {
    }

    /** Every committed article's listing line, ordered by id. */
    static List<ArticleLookup.Entry> entries(IndexSearcher s) throws IOException {
        int max = Math.max(1, s.getIndexReader().maxDoc());
        ScoreDoc[] docs = s.search(new TermQuery(new Term(LuceneRecords.KIND, LuceneRecords.KIND_DOC)), max,
                new Sort(new SortField(LuceneRecords.ARTICLE_ID, SortField.Type.STRING))).scoreDocs;
        StoredFields stored = s.storedFields();
        List<ArticleLookup.Entry> out = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) {
            out.add(LuceneRecords.entry(stored.document(d.doc, LuceneRecords.ENTRY_FIELDS)));
        }
        return out;
    }

    /** A page of the committed articles' listing (see {@link ArticleLookup#page}), by search-after on the id. */
    static ArticleLookup.Page page(IndexSearcher s, Optional<String> afterId, int limit, String titleContains)
            throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneRecords.KIND, LuceneRecords.KIND_DOC)), BooleanClause.Occur.FILTER);
        String needle = TitleFilter.needle(titleContains);
        if (!needle.isEmpty()) {
            q.add(new WildcardQuery(new Term(LuceneRecords.LIST_TITLE, TitleFilter.wildcard(needle))),
                    BooleanClause.Occur.FILTER);
        }
        Query query = q.build();
        Sort byId = new Sort(new SortField(LuceneRecords.ARTICLE_ID, SortField.Type.STRING));
        // doc = the last doc: an article with the cursor's id itself (ties break on doc) is not repeated
        int last = s.getIndexReader().maxDoc() - 1;
        FieldDoc after = afterId.filter(id -> last >= 0)
                .map(id -> new FieldDoc(last, Float.NaN, new Object[] {new BytesRef(id)})).orElse(null);
        ScoreDoc[] docs = s.searchAfter(after, query, limit + 1, byId).scoreDocs;
        StoredFields stored = s.storedFields();
        List<ArticleLookup.Entry> fetched = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) {
            fetched.add(LuceneRecords.entry(stored.document(d.doc, LuceneRecords.ENTRY_FIELDS)));
        }
        return ArticleLookup.Page.of(fetched, limit, s.count(query));
    }

    /** Content hash and file stamp (null where none was written) of every committed article, by id. */
    static Map<String, ArticleStore.Version> versions(IndexSearcher s) throws IOException {
        Map<String, ArticleStore.Version> out = new HashMap<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            readVersions(leaf, DocValues.getSorted(leaf.reader(), LuceneRecords.ARTICLE_ID), out);
        }
        return out;
    }

    /**
     * Content hash and file stamp of those committed articles whose id is one of {@code ids}: one query over the
     * ids' terms, doc values read for its hits only.
     */
    static Map<String, ArticleStore.Version> versions(IndexSearcher s, Collection<String> ids) throws IOException {
        Map<String, ArticleStore.Version> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<BytesRef> terms = new ArrayList<>(ids.size());
        ids.forEach(id -> terms.add(new BytesRef(id)));
        Query articles = new BooleanQuery.Builder()
                .add(new TermInSetQuery(LuceneRecords.DOC_ID, terms), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(LuceneRecords.KIND, LuceneRecords.KIND_DOC)), BooleanClause.Occur.FILTER)
                .build();
        Weight weight = s.createWeight(s.rewrite(articles), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            readVersions(leaf, scorer.iterator(), out);
        }
        return out;
    }

    /** Puts the version of each live article record among {@code docs} (ascending) of {@code leaf} into {@code out}. */
    private static void readVersions(LeafReaderContext leaf, DocIdSetIterator docs,
                                     Map<String, ArticleStore.Version> out) throws IOException {
        Bits live = leaf.reader().getLiveDocs();
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), LuceneRecords.ARTICLE_ID);
        SortedDocValues hashes = DocValues.getSorted(leaf.reader(), LuceneRecords.ARTICLE_HASH);
        NumericDocValues sizes = DocValues.getNumeric(leaf.reader(), LuceneRecords.FILE_SIZE);
        NumericDocValues modified = DocValues.getNumeric(leaf.reader(), LuceneRecords.FILE_MODIFIED);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if ((live == null || live.get(doc)) && ids.advanceExact(doc) && hashes.advanceExact(doc)) {
                FileStamp stamp = sizes.advanceExact(doc) && modified.advanceExact(doc)
                        ? new FileStamp(sizes.longValue(), modified.longValue()) : null;
                out.put(ids.lookupOrd(ids.ordValue()).utf8ToString(),
                        new ArticleStore.Version(hashes.lookupOrd(hashes.ordValue()).utf8ToString(), stamp));
            }
        }
    }

    /** Visits the id of every committed article, leaf by leaf from the id doc values (no stored field read). */
    static void forEachId(IndexSearcher s, Consumer<String> action) throws IOException {
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), LuceneRecords.ARTICLE_ID);
            for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                if (live == null || live.get(doc)) {
                    action.accept(ids.lookupOrd(ids.ordValue()).utf8ToString());
                }
            }
        }
    }

    /** Totals over the committed articles. */
    static ArticleLookup.Stats stats(IndexSearcher s) throws IOException {
        long documents = 0;
        long sentences = 0;
        long chunks = 0;
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues sc = DocValues.getNumeric(leaf.reader(), LuceneRecords.SENTENCE_COUNT);
            NumericDocValues cc = DocValues.getNumeric(leaf.reader(), LuceneRecords.CHUNK_COUNT);
            for (int doc = sc.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = sc.nextDoc()) {
                if ((live == null || live.get(doc)) && cc.advanceExact(doc)) {
                    documents++;
                    sentences += sc.longValue();
                    chunks += cc.longValue();
                }
            }
        }
        return new ArticleLookup.Stats(Math.toIntExact(documents), Math.toIntExact(sentences), Math.toIntExact(chunks));
    }
}
