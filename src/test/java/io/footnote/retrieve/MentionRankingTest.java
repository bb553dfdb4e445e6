package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;
import io.footnote.index.ArticleIndex;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence about what the question names ranks above a like-worded sentence about something else. */
class MentionRankingTest {

    private static final int DIMENSION = 4;

    @TempDir
    Path dir;


    private static IndexedDocument article(String id, String first, String second) {
        return TwoSentenceArticles.article(id, "Rugby report", LocalDate.of(2004, 11, 27), first, second, false);
    }

    @Test
    void given_a_better_worded_sentence_from_an_article_that_never_names_the_opponent_then_the_one_that_does_ranks_first() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            // given the South Africa match report, worded like the question, and the Argentina one, worded otherwise
            index.upsert(article("south-africa", "Ronan O'Gara scored all of Ireland's points in the match against South Africa.",
                    "The crowd at Lansdowne Road cheered the win."), List.of(new float[] {1, 0, 0, 0}));
            index.upsert(article("argentina", "O'Gara kicked all of Ireland's points against Argentina.",
                    "He landed two dropped goals and five penalties."), List.of(new float[] {1, 0, 0, 0}));
            index.commit();
            HybridContentRetriever chunks = new HybridContentRetriever(index, new FlatEmbeddings(), "", new RankFusion(60),
                    RetrievalMode.HYBRID, 10, 5);
            DefaultSentenceRetriever retriever = new DefaultSentenceRetriever(index, chunks);

            // when the question names the opponent
            Retrieval retrieval = retriever.retrieve("Who scored all of Ireland's points in the match against Argentina?", 5);

            // then the South Africa sentence shares more of the question's words, yet the Argentina one ranks first
            ScoredSentence first = retrieval.sentences().getFirst();
            ScoredSentence southAfrica = retrieval.sentences().stream()
                    .filter(s -> s.documentId().equals("south-africa") && s.sentenceIndex() == 0).findFirst().orElseThrow();
            assertEquals("argentina", first.documentId(), retrieval.sentences().toString());
            assertEquals(0, first.sentenceIndex());
            assertTrue(southAfrica.overlap() > first.overlap(),
                    "overlap " + southAfrica.overlap() + " vs " + first.overlap());
            // and asked about the other match, the other article's sentence ranks first
            Retrieval other = retriever.retrieve("Who scored all of Ireland's points in the match against South Africa?", 5);
            assertEquals("south-africa", other.sentences().getFirst().documentId());
        }
    }
}
