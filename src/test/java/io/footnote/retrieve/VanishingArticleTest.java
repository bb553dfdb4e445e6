package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.index.ArticleIndex;
import io.footnote.index.ArticleLookup;
import io.footnote.index.ChunkHit;
import io.footnote.index.ChunkSearch;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An article deleted between the search and the ranking is left out; the question is still answered. */
class VanishingArticleTest {

    private static final int DIMENSION = 4;

    @TempDir
    Path dir;

    /** The index as a concurrent delete leaves it: the named article is found the first {@code lookups} times only. */
    private record Vanishing(ArticleIndex index, String id, AtomicInteger lookups) implements ChunkSearch, ArticleLookup {
        @Override
        public Optional<IndexedDocument> document(String docId) {
            return docId.equals(id) && lookups.getAndDecrement() <= 0 ? Optional.empty() : index.document(docId);
        }

        @Override
        public List<Entry> documents() {
            return index.documents();
        }

        @Override
        public Stats stats() {
            return index.stats();
        }

        @Override
        public int dimension() {
            return index.dimension();
        }

        @Override
        public List<ChunkHit> searchText(String text, int n) {
            return index.searchText(text, n);
        }

        @Override
        public List<ChunkHit> searchVector(float[] vector, int n) {
            return index.searchVector(vector, n);
        }

        @Override
        public List<String> analyze(String text) {
            return index.analyze(text);
        }

        @Override
        public double idf(String term) {
            return index.idf(term);
        }
    }


    private static IndexedDocument article(String id, String text, int split) {
        List<Sentence> sentences = List.of(new Sentence(0, 0, split), new Sentence(1, split + 1, text.length()));
        List<Chunk> chunks = List.of(new Chunk(id, 0, 0, 1, 0, text.length()));
        float[][] vectors = {{1, 0, 0, 0}, {0.6f, 0.8f, 0, 0}};
        return new IndexedDocument(new Document(id, "Council " + id, LocalDate.of(2024, 5, 1), text, sentences,
                id + ".txt", "hash-" + id), chunks, vectors);
    }

    @Test
    void given_the_best_article_deleted_after_the_search_when_ranking_then_the_others_are_ranked_without_it() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            // given two articles on the question, the better one deleted right after the search found it
            String a = "The council voted on the river budget. It approved 4 million pounds.";
            String b = "The river council met on Monday. Its budget vote was delayed.";
            index.upsert(article("a", a, a.indexOf('.') + 1), List.of(new float[] {1, 0, 0, 0}));
            index.upsert(article("b", b, b.indexOf('.') + 1), List.of(new float[] {1, 0, 0, 0}));
            index.commit();
            Vanishing vanishing = new Vanishing(index, "a", new AtomicInteger(1));
            HybridContentRetriever chunks = new HybridContentRetriever(vanishing, new FlatEmbeddings(), "", new RankFusion(60),
                    RetrievalMode.HYBRID, 10, 5);
            DefaultSentenceRetriever retriever = new DefaultSentenceRetriever(vanishing, chunks);

            // when the question is ranked
            Retrieval retrieval = retriever.retrieve("What did the council vote on the river budget?", 5);

            // then only the article still there is ranked, and its sentences resolve
            assertTrue(vanishing.lookups().get() < 0, "the deleted article was looked up again");
            assertTrue(!retrieval.sentences().isEmpty());
            retrieval.sentences().forEach(s -> assertEquals("b", s.documentId()));
            retrieval.sentences().forEach(s -> assertEquals(b.substring(s.start(), s.end()), s.text()));
        }
    }
}
