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

/** The subject an article's title names counts as stated in each of its sentences, named there or not. */
class TitleSubjectRankingTest {

    private static final int DIMENSION = 4;

    @TempDir
    Path dir;

    private static IndexedDocument article(String id, String title, String... sentences) {
        return FlatArticles.article(id, title, LocalDate.of(2004, 11, 27), sentences);
    }

    private static ScoredSentence sentence(Retrieval retrieval, String documentId, int index) {
        return retrieval.sentences().stream().filter(s -> s.documentId().equals(documentId) && s.sentenceIndex() == index)
                .findFirst().orElseThrow();
    }

    @Test
    void given_an_answer_that_calls_the_subject_the_woman_then_it_ranks_above_the_opening_that_names_him() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            // given a report headed with its subject: the opening restates him, the answer says "the woman"
            index.upsert(article("snoop", "Rapper Snoop Dogg sued for rape",
                    "Rapper Snoop Dogg sued for rape",
                    "US rapper Snoop Dogg has been sued for $25m by a make-up artist who claimed he and his entourage drugged her two years ago.",
                    "The woman waited two years to sue because she was trying to negotiate a settlement, her lawyer said.",
                    "The lawsuit also names three associates of the rapper."), List.of(new float[] {1, 0, 0, 0}));
            // and an article on another rapper whose sentence is worded like the answer
            index.upsert(article("other", "Make-up artist loses claim",
                    "Make-up artist loses claim",
                    "A woman waited two years to sue a rapper because she was negotiating, a court heard."),
                    List.of(new float[] {1, 0, 0, 0}));
            index.commit();
            HybridContentRetriever chunks = new HybridContentRetriever(index, new FlatEmbeddings(), "", new RankFusion(60),
                    RetrievalMode.HYBRID, 10, 5);
            DefaultSentenceRetriever retriever = new DefaultSentenceRetriever(index, chunks);

            // when asked why she waited
            Retrieval retrieval = retriever.retrieve("Why did the woman suing Snoop Dogg wait two years?", 5);

            // then the sentence that answers ranks first, though the opening names Snoop Dogg and it does not
            ScoredSentence first = retrieval.sentences().getFirst();
            assertEquals("snoop", first.documentId(), retrieval.sentences().toString());
            assertEquals(2, first.sentenceIndex(), retrieval.sentences().toString());
            // and it holds the name through its article's title: a like-worded sentence of an article that
            // does not name him has less of the question's weight
            ScoredSentence elsewhere = sentence(retrieval, "other", 1);
            assertTrue(first.overlap() > elsewhere.overlap(), "overlap " + first.overlap() + " vs " + elsewhere.overlap());
        }
    }

    @Test
    void given_a_title_that_names_nothing_the_question_asks_then_overlap_is_the_sentence_own() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            // given two articles with the same sentence, one titled with the question's subject, one not
            String same = "She waited two years before going to court.";
            index.upsert(article("named", "Snoop Dogg accuser explains delay", "Snoop Dogg accuser explains delay", same),
                    List.of(new float[] {1, 0, 0, 0}));
            index.upsert(article("unnamed", "Court round-up", "Court round-up", same), List.of(new float[] {1, 0, 0, 0}));
            index.commit();
            HybridContentRetriever chunks = new HybridContentRetriever(index, new FlatEmbeddings(), "", new RankFusion(60),
                    RetrievalMode.HYBRID, 10, 5);
            DefaultSentenceRetriever retriever = new DefaultSentenceRetriever(index, chunks);

            // when the question names the subject
            Retrieval retrieval = retriever.retrieve("Why did the Snoop Dogg accuser wait two years?", 5);

            // then only the titled article's sentence counts the subject's terms as stated
            double named = sentence(retrieval, "named", 1).overlap();
            double unnamed = sentence(retrieval, "unnamed", 1).overlap();
            assertTrue(named > unnamed, "overlap " + named + " vs " + unnamed);
            assertTrue(unnamed > 0, "the sentence's own words still count: " + unnamed);
        }
    }

    @Test
    void given_the_same_article_under_another_title_then_answerability_is_the_same() {
        // given one report (naming its subject in the text) under a title that names the question's subject,
        // and under one that does not
        String[] sentences = {"The woman waited two years to sue because she was trying to negotiate a settlement.",
                "Her lawyer said Snoop Dogg would contest the case."};
        double titled = answerability("titled", "Snoop Dogg accuser explains delay", sentences);
        double untitled = answerability("untitled", "Court round-up", sentences);

        // then whether the articles answer is judged on the sentences' own words: the title lifts the ranking only
        assertEquals(untitled, titled, 1e-9);
    }

    private double answerability(String name, String title, String... sentences) {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve(name), "test", DIMENSION)) {
            index.upsert(article("a", title, sentences), List.of(new float[] {1, 0, 0, 0}));
            index.commit();
            HybridContentRetriever chunks = new HybridContentRetriever(index, new FlatEmbeddings(), "", new RankFusion(60),
                    RetrievalMode.HYBRID, 10, 5);
            // when asked about the named subject
            return new DefaultSentenceRetriever(index, chunks).retrieve("Why did the woman suing Snoop Dogg wait two years?", 5)
                    .answerability();
        }
    }
}
