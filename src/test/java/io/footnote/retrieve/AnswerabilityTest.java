package io.footnote.retrieve;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerabilityTest {

    private static Candidate candidate(Random r, boolean typeMatch) {
        return new Candidate("doc", 0, r.nextDouble(), r.nextDouble(), r.nextDouble(), typeMatch, r.nextDouble(),
                r.nextDouble(), r.nextDouble(), r.nextDouble());
    }

    @Test
    void given_a_number_date_or_place_question_when_the_best_sentence_gives_none_then_the_probability_is_cut() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            // given the same signals with and without the asked-for kind of answer
            Candidate c = candidate(r, true);
            Candidate without = new Candidate(c.documentId(), 0, c.similarity(), c.overlap(), c.context(), false,
                    c.bigrams(), c.novelty(), c.neighbour(), c.rareCoverage());
            double score = r.nextDouble();
            for (AnswerType type : AnswerType.values()) {
                // when judged
                double with = Answerability.of(c, score, type, 0);
                double missing = Answerability.of(without, score, type, 0);

                // then only number, date and place questions are cut (the fitted type weight is near zero)
                double expected = type == AnswerType.NUMBER || type == AnswerType.DATE || type == AnswerType.PLACE
                        ? Answerability.UNSUPPLIED_FACTOR : 1.0;
                assertEquals(expected, missing / with, 0.01, "seed " + seed + ", " + type);
            }
        }
    }

    @Test
    void given_a_place_question_when_a_place_is_given_loosely_then_it_is_not_cut() {
        // given a best sentence the ranker's strict check finds no place in, but the lenient one does
        Candidate c = new Candidate("doc", 0, 0.8, 0.9, 1, false, 0.5, 0.5, 0, 0.9);

        // then the given place decides, not the strict check
        assertEquals(Answerability.of(c, 0.7, AnswerType.OTHER, 0),
                Answerability.of(c, 0.7, AnswerType.PLACE, 0, true), 0.01);
        assertEquals(Answerability.of(c, 0.7, AnswerType.OTHER, 0) * Answerability.UNSUPPLIED_FACTOR,
                Answerability.of(c, 0.7, AnswerType.PLACE, 0, false), 0.01);
    }

    @Test
    void given_an_unstated_mention_and_no_number_then_both_rules_apply() {
        Candidate c = new Candidate("doc", 0, 0.8, 0.9, 1, false, 0.5, 0.5, 0, 0.9);

        assertEquals(Answerability.of(c, 0.7, AnswerType.OTHER, 0) * Answerability.UNCOVERED_FACTOR
                        * Answerability.UNSUPPLIED_FACTOR,
                Answerability.of(c, 0.7, AnswerType.NUMBER, 1), 0.01);
    }

    @Test
    void given_a_mention_stated_only_far_from_the_evidence_then_the_cut_is_smaller_and_does_not_stack() {
        Candidate c = new Candidate("doc", 0, 0.8, 0.9, 1, true, 0.5, 0.5, 0, 0.9);
        double plain = Answerability.of(c, 0.7, AnswerType.OTHER, 0, 0, true);

        // a distant mention cuts by its factor, less than an unstated one
        assertEquals(plain * Answerability.DISTANT_FACTOR, Answerability.of(c, 0.7, AnswerType.OTHER, 0, 1, true), 1e-9);
        assertEquals(true, Answerability.DISTANT_FACTOR > Answerability.UNCOVERED_FACTOR);
        // with an unstated mention as well, only the unstated one's cut applies
        assertEquals(plain * Answerability.UNCOVERED_FACTOR, Answerability.of(c, 0.7, AnswerType.OTHER, 1, 1, true), 1e-9);
    }
}
