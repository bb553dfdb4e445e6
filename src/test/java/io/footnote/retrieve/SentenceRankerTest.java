package io.footnote.retrieve;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceRankerTest {

    private static final String QUESTION = "How many users does Skype have?";
    private static final Set<String> WORDS = AnswerType.words(QUESTION);

    /** A candidate whose answer cues are computed from its text, as the retriever computes them. */
    private static Candidate candidate(int index, String text, double similarity, double overlap) {
        AnswerType wanted = AnswerType.of(QUESTION);
        AnswerCues cues = new AnswerCues(wanted, wanted.suppliedNear(text, WORDS));
        return new Candidate("skype", index, similarity, overlap, 1, wanted.suppliedBy(text, WORDS), 0.5, 0.4, 0.3,
                overlap, cues);
    }

    @Test
    void given_a_number_question_when_one_sentence_echoes_it_and_another_gives_the_number_then_the_number_ranks_first() {
        // given an echo that resembles the question more, and a sentence that supplies the number a little less alike
        Candidate echo = candidate(3, "Skype users can call each other for free over the internet.", 0.66, 0.90);
        Candidate answer = candidate(4, "The service now has 28 million users around the world.", 0.60, 0.80);

        // when ranked
        double echoRank = SentenceRanker.rank(echo);
        double answerRank = SentenceRanker.rank(answer);

        // then the answer wins, though the former linear score put the echo first
        assertTrue(DefaultSentenceRetriever.score(echo) > DefaultSentenceRetriever.score(answer));
        assertTrue(answerRank > echoRank, answerRank + " vs " + echoRank);
    }

    @Test
    void given_an_article_without_a_headline_when_its_lead_competes_with_a_later_sentence_then_it_is_not_pushed_down() {
        // given the same first sentence, once a headline and once the lead of an article without one, and a later
        // sentence that scores a little lower
        String text = "Chinese Foreign Ministry spokeswoman Mao Ning said China will accept repatriation.";
        AnswerType wanted = AnswerType.of("Who is Mao Ning?");
        Candidate asHeadline = new Candidate("a", 0, 0.70, 0.90, 1, true, 0.5, 0.4, 0.3, 0.9,
                new AnswerCues(wanted, false, false, false, false));
        Candidate asLead = new Candidate("a", 0, 0.70, 0.90, 1, true, 0.5, 0.4, 0.3, 0.9,
                new AnswerCues(wanted, false, false, false, true));
        Candidate later = new Candidate("a", 5, 0.68, 0.88, 1, true, 0.5, 0.4, 0.3, 0.9,
                new AnswerCues(wanted, false, false, false, false));

        // when ranked
        double headline = SentenceRanker.rank(asHeadline);
        double lead = SentenceRanker.rank(asLead);
        double other = SentenceRanker.rank(later);

        // then a headline loses to the later sentence, as fitted, but the lead of a headline-less article does not
        assertTrue(headline < other, headline + " vs " + other + " for " + text);
        assertTrue(lead > other, lead + " vs " + other);
    }

    @Test
    void given_a_why_question_when_a_sentence_states_a_cause_outright_then_it_ranks_above_a_like_scored_echo() {
        // given the lead that echoes the question, and a sentence alike in every signal that says "because"
        String why = "Why did the woman suing Snoop Dogg wait two years?";
        String echo = "Snoop Dogg has been sued by a make-up artist who says he drugged her two years ago.";
        String cause = "She waited two years to sue because she was trying to negotiate a settlement.";
        AnswerType wanted = AnswerType.of(why);
        Candidate lead = new Candidate("snoop", 1, 0.68, 0.7, 1, false, 0.3, 0.5, 0.3, 0.7,
                new AnswerCues(wanted, false, AnswerType.asksWhy(why) && AnswerType.statesCause(echo), false));
        Candidate because = new Candidate("snoop", 9, 0.68, 0.7, 1, false, 0.3, 0.5, 0.3, 0.7,
                new AnswerCues(wanted, false, AnswerType.asksWhy(why) && AnswerType.statesCause(cause), false));

        // then the cause ranks first, by the fitted weight of the cue alone
        assertEquals(DefaultSentenceRetriever.score(lead), DefaultSentenceRetriever.score(because), 1e-12);
        assertTrue(SentenceRanker.rank(because) > SentenceRanker.rank(lead));
    }

    @Test
    void given_a_counting_question_when_two_sentences_give_a_number_then_the_one_counting_what_was_asked_ranks_first() {
        String question = "How many copies of GTA: San Andreas have been sold in the UK?";
        Set<String> counted = AnswerType.countedNouns(question);
        String certificate = "GTA San Andreas has an 18 certificate.";
        String sold = "In the UK it has sold more than 677,000 copies.";
        Candidate other = new Candidate("gta", 3, 0.6, 0.6, 1, true, 0.3, 0.5, 0.3, 0.6,
                new AnswerCues(AnswerType.NUMBER, true, false, AnswerType.countsNear(certificate, counted)));
        Candidate answer = new Candidate("gta", 5, 0.6, 0.6, 1, true, 0.3, 0.5, 0.3, 0.6,
                new AnswerCues(AnswerType.NUMBER, true, false, AnswerType.countsNear(sold, counted)));

        assertTrue(SentenceRanker.rank(answer) > SentenceRanker.rank(other));
    }

    @Test
    void given_a_where_question_when_one_sentence_names_the_place_after_in_and_another_does_not_then_the_named_place_ranks_first() {
        // given two sentences alike in every signal, both with a name after a preposition the broad place pattern
        // reads ("from Wales"), of which only one says where he was born ("in Newcastle", not "in the city")
        String question = "What city was Neville born in?";
        Set<String> words = AnswerType.words(question);
        AnswerType wanted = AnswerType.of(question);
        String echo = "Peter Higgs, from Wales, and the champion Neville were born in the city.";
        String named = "Actors from Wales, Charlie Hunnam and James Scott, were born in Newcastle.";
        Candidate unnamed = new Candidate("newcastle", 3, 0.6, 0.6, 1, wanted.suppliedBy(echo, words), 0.3, 0.5, 0.3,
                0.6, new AnswerCues(wanted, false, false, false, false, 0, 0, AnswerType.placesAt(echo, words)));
        Candidate placed = new Candidate("newcastle", 5, 0.6, 0.6, 1, wanted.suppliedBy(named, words), 0.3, 0.5, 0.3,
                0.6, new AnswerCues(wanted, false, false, false, false, 0, 0, AnswerType.placesAt(named, words)));

        // when ranked, then the sentence that names where ranks first, by the fitted weight of the cue alone
        assertTrue(unnamed.typeMatch() && placed.typeMatch());
        assertEquals(DefaultSentenceRetriever.score(unnamed), DefaultSentenceRetriever.score(placed), 1e-12);
        assertTrue(SentenceRanker.rank(placed) > SentenceRanker.rank(unnamed),
                SentenceRanker.rank(placed) + " vs " + SentenceRanker.rank(unnamed));
    }

    @Test
    void given_the_articles_title_and_a_sentence_alike_in_every_signal_then_the_sentence_ranks_first() {
        Candidate title = candidate(0, "Skype", 0.6, 0.8);
        Candidate body = candidate(5, "Skype", 0.6, 0.8);

        assertTrue(SentenceRanker.rank(body) > SentenceRanker.rank(title));
    }

    @Test
    void given_a_number_question_when_the_number_stands_by_the_questions_words_then_it_is_near() {
        assertTrue(AnswerType.NUMBER.suppliedNear("The service now has 28 million users around the world.", WORDS));
        // a number about something else, far from "users" and "Skype"
        assertFalse(AnswerType.NUMBER.suppliedNear("Skype's founders, who met at school, sold their earlier "
                + "file-sharing business for 2 billion dollars.", WORDS));
        // the question's own number is no answer, near or not
        assertFalse(AnswerType.NUMBER.suppliedNear("Skype has users in 2 countries.", AnswerType.words(
                "How many users does Skype have in 2 countries?")));
    }

    @Test
    void features_follow_the_names_and_the_weights_one_to_one() {
        Candidate c = candidate(2, "The service now has 28 million users around the world.", 0.6, 0.8);

        assertEquals(SentenceRanker.NAMES.length, SentenceRanker.features(c).length);
        assertEquals(SentenceRanker.NAMES.length, SentenceRanker.WEIGHTS.length);
    }
}
