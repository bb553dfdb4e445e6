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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A follow-up leans on the article its conversation's previous question was answered from. */
class ConversationRetrievalTest {

    private static final int DIMENSION = 4;
    private static final String FOLLOW_UP = "How much is it spending?" + DefaultSentenceRetriever.CONTEXT_MARK + "Novartis)";

    @TempDir
    Path dir;

    private static IndexedDocument article(String id, String first, String second) {
        return TwoSentenceArticles.article(id, "Business report", LocalDate.of(2005, 2, 21), first, second, true);
    }

    private static DefaultSentenceRetriever retriever(ArticleIndex index) {
        HybridContentRetriever chunks = new HybridContentRetriever(index, new FlatEmbeddings(), "", new RankFusion(60),
                RetrievalMode.HYBRID, 10, 5);
        return new DefaultSentenceRetriever(index, chunks);
    }

    private static void given_the_purchase_and_a_spending_story(ArticleIndex index) {
        // the purchase story names Novartis once; its second sentence, the amount, names neither it nor spending
        index.upsert(article("hexal", "Swiss drugmaker Novartis has bought the German generics maker Hexal.",
                "The purchases cost 5.65bn euros in all."), List.of(new float[] {1, 0, 0, 0}, new float[] {1, 0, 0, 0}));
        // another story says "spending" and gives an amount, about someone else
        index.upsert(article("treasury", "The Treasury is spending 2bn pounds more on schools.",
                "Ministers announced the plans on Monday."), List.of(new float[] {1, 0, 0, 0}, new float[] {1, 0, 0, 0}));
        index.commit();
    }

    @Test
    void a_follow_up_reads_every_sentence_of_the_conversations_article_even_those_its_words_did_not_find() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            given_the_purchase_and_a_spending_story(index);
            DefaultSentenceRetriever retriever = retriever(index);

            // when the follow-up draws on one fused chunk only, in the conversation about the purchase
            Retrieval retrieval = retriever.retrieve(FOLLOW_UP, 1, new Conversation(Set.of("hexal")));

            // then both of the purchase story's sentences are candidates, and its amount ranks first
            List<String> keys = retrieval.sentences().stream().map(s -> s.documentId() + "#" + s.sentenceIndex()).toList();
            assertTrue(keys.containsAll(List.of("hexal#0", "hexal#1")), keys.toString());
            assertEquals("hexal#1", keys.getFirst(), retrieval.sentences().toString());
        }
    }

    @Test
    void in_the_conversations_article_the_subject_counts_as_stated_in_every_sentence() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            given_the_purchase_and_a_spending_story(index);
            DefaultSentenceRetriever retriever = retriever(index);

            // when the follow-up is asked without its conversation, and then within it
            ScoredSentence alone = sentence(retriever.retrieve(FOLLOW_UP, 5), "hexal", 1);
            ScoredSentence within = sentence(retriever.retrieve(FOLLOW_UP, 5, new Conversation(Set.of("hexal"))), "hexal", 1);
            ScoredSentence otherAlone = sentence(retriever.retrieve(FOLLOW_UP, 5), "treasury", 0);
            ScoredSentence otherWithin = sentence(retriever.retrieve(FOLLOW_UP, 5, new Conversation(Set.of("hexal"))), "treasury", 0);

            // then the amount sentence, which never names Novartis, holds the subject's share of the question within it
            assertEquals(0, alone.overlap(), 1e-9);
            assertTrue(within.overlap() > 0, "overlap " + within.overlap());
            assertTrue(within.score() > alone.score(), within.score() + " vs " + alone.score());
            // and a sentence of another article is scored as before
            assertEquals(otherAlone.score(), otherWithin.score(), 1e-9);
        }
    }

    private static ScoredSentence sentence(Retrieval r, String id, int index) {
        return r.sentences().stream().filter(s -> s.documentId().equals(id) && s.sentenceIndex() == index).findFirst()
                .orElseThrow(() -> new AssertionError(id + "#" + index + " not among " + r.sentences()));
    }

    @Test
    void a_conversation_is_the_article_of_the_previous_questions_first_sentence_and_its_word_for_word_copies() {
        // given the previous question's ranking: a story filed twice, then another
        List<ScoredSentence> ranked = List.of(
                new ScoredSentence("tech-042", 6, 0, 10, "Skype now has 28 million users.", 0.7, 0.7, 1),
                new ScoredSentence("tech-339", 6, 0, 10, "Skype now has 28 million users.", 0.69, 0.7, 1),
                new ScoredSentence("tech-100", 2, 0, 10, "Skype Out has 940,000 users.", 0.6, 0.6, 1));

        // when the conversation after it is formed
        Conversation c = Conversation.after(new Retrieval("How many users does Skype have?", List.of(), ranked));

        // then it is about both copies of the story and nothing else
        assertEquals(Set.of("tech-042", "tech-339"), c.articles());
        assertTrue(Conversation.after(new Retrieval("q", List.of(), List.of())).articles().isEmpty());
    }
}
