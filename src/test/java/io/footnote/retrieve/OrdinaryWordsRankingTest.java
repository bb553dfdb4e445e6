package io.footnote.retrieve;

import io.footnote.index.ArticleIndex;
import io.footnote.index.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sentence that states what the question asks of its subject ({@link AnswerCues#ordinary}) answers it, rather
 * than one that only names the subject.
 */
class OrdinaryWordsRankingTest {

    private static final int DIMENSION = 4;

    @TempDir
    Path dir;

    @Test
    void given_a_question_when_its_ordinary_words_are_read_then_its_names_and_question_forms_are_left_out() {
        // given a question with a name, digits and a question form
        String question = "What is the name of the network that aired Super Bowl 50?";

        // when its ordinary words are read
        List<String> ordinary = AnswerCues.ordinaryWords(question);

        // then the lower-case words after the first are kept ("name" only shapes the question), names are not
        assertEquals(List.of("is", "the", "of", "the", "network", "that", "aired", "50"), ordinary);
    }

    @Test
    void given_a_question_with_a_preposition_any_sentence_may_hold_when_its_ordinary_words_are_read_then_the_preposition_is_left_out() {
        // given "over", which the analyser keeps as a term ("…views over the River Thames")
        String question = "Who is taking over the Savoy hotel?";

        // when its ordinary words are read
        List<String> ordinary = AnswerCues.ordinaryWords(question);

        // then the rest of what is asked of the hotel remains
        assertEquals(List.of("is", "taking", "the", "hotel"), ordinary);
    }

    @Test
    void given_an_echo_and_a_sentence_stating_the_asked_verb_when_candidates_are_read_then_only_the_second_states_the_ordinary_words() {
        try (ArticleIndex index = LuceneIndex.open(dir.resolve("index"), "test", DIMENSION)) {
            // given an article where one sentence names the game and another says who aired it
            DefaultSentenceRetriever retriever = FlatArticles.retrieverOver(index, FlatArticles.article("bowl",
                    "Coverage", LocalDate.of(2016, 2, 8),
                    "Coverage",
                    "The Super Bowl was played in Santa Clara before a crowd of 71,088.",
                    "CBS aired the game on its network."));

            // when the candidates of "What network aired the Super Bowl?" are read
            var candidates = retriever.candidates("What network aired the Super Bowl?", 5, Conversation.NONE)
                    .candidates();

            // then the sentence with "aired" and "network" states all of the ordinary words, the echo none
            Candidate echo = candidates.stream().filter(c -> c.sentenceIndex() == 1).findFirst().orElseThrow();
            Candidate answer = candidates.stream().filter(c -> c.sentenceIndex() == 2).findFirst().orElseThrow();
            assertEquals(0.0, echo.cues().ordinary(), 1e-9, echo.toString());
            assertEquals(1.0, answer.cues().ordinary(), 1e-9, answer.toString());
        }
    }

    @Test
    void given_an_echo_more_alike_the_question_when_only_the_other_sentence_states_the_ordinary_words_then_that_one_ranks_first() {
        // given an echo more similar to the question and overlapping it more (the subject's name), and a sentence
        // that states what is asked of the subject
        Candidate echo = new Candidate("bowl", 1, 0.62, 0.70, 1, false, 0.5, 0.4, 0.3, 0.7,
                new AnswerCues(AnswerType.OTHER, false, false, false, false, 0, 0.0));
        Candidate answer = new Candidate("bowl", 2, 0.58, 0.62, 1, false, 0.5, 0.4, 0.3, 0.7,
                new AnswerCues(AnswerType.OTHER, false, false, false, false, 0, 1.0));

        // when ranked
        double echoRank = SentenceRanker.rank(echo);
        double answerRank = SentenceRanker.rank(answer);

        // then the sentence stating the ordinary words wins, though the combined score put the echo first
        assertTrue(DefaultSentenceRetriever.score(echo) > DefaultSentenceRetriever.score(answer));
        assertTrue(answerRank > echoRank, answerRank + " vs " + echoRank);
    }
}
