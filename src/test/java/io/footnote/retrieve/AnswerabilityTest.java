package io.footnote.retrieve;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerabilityTest {

    private static Candidate candidate(Random r, boolean typeMatch) {
        return new Candidate("doc", 0, r.nextDouble(), r.nextDouble(), r.nextDouble(), typeMatch, r.nextDouble(),
                r.nextDouble(), r.nextDouble(), r.nextDouble());
    }

    private static double odds(double p) {
        return p / (1 - p);
    }

    @Test
    void given_a_number_or_date_question_when_the_best_sentence_gives_none_then_it_is_less_answerable() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            // given the same signals with and without the asked-for kind of answer
            Candidate c = candidate(r, true);
            Candidate without = new Candidate(c.documentId(), 0, c.similarity(), c.overlap(), c.context(), false,
                    c.bigrams(), c.novelty(), c.neighbour(), c.rareCoverage());
            for (AnswerType type : AnswerType.values()) {
                // when judged
                double with = Answerability.of(c, type, 0);
                double missing = Answerability.of(without, type, 0);

                // then number and date questions lose the unsupplied weight, other kinds at most the type weight
                if (type == AnswerType.NUMBER || type == AnswerType.DATE) {
                    assertTrue(missing < with, "seed " + seed + ", " + type);
                    assertEquals(Answerability.W_UNSUPPLIED - Answerability.W_TYPE,
                            Math.log(odds(missing) / odds(with)), 1e-9, "seed " + seed + ", " + type);
                } else if (type != AnswerType.OTHER) {
                    assertEquals(-Answerability.W_TYPE, Math.log(odds(missing) / odds(with)), 1e-9, "seed " + seed);
                } else {
                    assertEquals(with, missing, 1e-12, "seed " + seed);
                }
            }
        }
    }

    @Test
    void given_an_unstated_mention_then_the_odds_are_divided() {
        Candidate c = new Candidate("doc", 0, 0.8, 0.9, 1, false, 0.5, 0.5, 0, 0.9);

        double stated = Answerability.of(c, AnswerType.NAME, 0);
        double unstated = Answerability.of(c, AnswerType.NAME, 1);

        assertEquals(Answerability.UNCOVERED_ODDS, odds(stated) / odds(unstated), 1e-9);
    }

    @Test
    void more_similarity_overlap_and_rare_term_coverage_never_lower_answerability() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            Candidate c = candidate(r, r.nextBoolean());
            Candidate stronger = new Candidate("doc", 0, c.similarity() + 0.1, c.overlap() + 0.1, c.context(),
                    c.typeMatch(), c.bigrams(), c.novelty(), c.neighbour(), c.rareCoverage() + 0.1);
            AnswerType type = AnswerType.values()[r.nextInt(AnswerType.values().length)];
            assertTrue(Answerability.of(stronger, type, 0) > Answerability.of(c, type, 0), "seed " + seed);
        }
    }
}
