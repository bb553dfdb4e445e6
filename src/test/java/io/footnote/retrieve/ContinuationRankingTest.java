package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;
import io.footnote.index.ArticleIndex;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sentence that carries on from an echo of the question next door ({@link AnswerCues#fromBefore}) answers it. */
class ContinuationRankingTest {

    private static final int DIMENSION = 4;

    @TempDir
    Path dir;

    @Test
    void given_an_echo_of_the_question_when_the_next_sentence_carries_on_with_the_answer_then_that_sentence_ranks_first() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            // given an article where one sentence names the station and the next says where "it" moved
            DefaultSentenceRetriever retriever = FlatArticles.retrieverOver(index, article("tyne",
                    "Broadcasting in the North East",
                    "Broadcasting in the North East",
                    "ITV Tyne Tees was based at City Road for over 40 years after its launch in 1959.",
                    "In 2005 it moved to new studios next to the MetroCentre in Gateshead.",
                    "The station's regional news programmes are still made there."));

            // when asked where the station moved
            Retrieval retrieval = retriever.retrieve("Where did ITV Tyne Tees move in 2005?", 5);

            // then the sentence that carries on from the one naming the station ranks first
            ScoredSentence first = retrieval.sentences().getFirst();
            assertEquals(2, first.sentenceIndex(), retrieval.sentences().toString());
        }
    }

    @Test
    void the_cue_is_what_only_the_sentence_before_adds_beyond_the_title() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index2"), "test", DIMENSION)) {
            // given a headline that names the subject, and a lead that restates it
            DefaultSentenceRetriever retriever = FlatArticles.retrieverOver(index, article("snoop", "Snoop Dogg sued",
                    "Snoop Dogg sued",
                    "US rapper Snoop Dogg has been sued for $25m by a make-up artist.",
                    "The woman said she was assaulted after a recording of a TV show in 2003."));

            // when asked how much he is sued for
            var candidates = retriever.candidates("How much is Snoop Dogg being sued for?", 5, Conversation.NONE).candidates();

            // then the lead's restating of the headline lends the next sentence nothing, and the lead ranks first
            Candidate after = candidates.stream().filter(c -> c.sentenceIndex() == 2).findFirst().orElseThrow();
            assertEquals(0.0, after.cues().fromBefore(), 1e-9, after.toString());
            assertEquals(1, retriever.retrieve("How much is Snoop Dogg being sued for?", 5).sentences().getFirst()
                    .sentenceIndex());
        }
    }

    private static IndexedDocument article(String id, String title, String... sentences) {
        return FlatArticles.article(id, title, LocalDate.of(2005, 1, 1), sentences);
    }
}
