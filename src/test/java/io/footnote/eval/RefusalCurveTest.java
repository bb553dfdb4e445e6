package io.footnote.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalCurveTest {

    @Test
    void each_threshold_declines_the_questions_whose_answerability_is_below_it() {
        // given two unanswerable questions (0.1, 0.45) and four answerable ones (0.3, 0.5, 0.6, 0.9)
        List<QuestionResult> results = List.of(result(false, 0.1), result(false, 0.45), result(true, 0.3),
                result(true, 0.5), result(true, 0.6), result(true, 0.9));

        // when
        List<RefusalCurve.Point> curve = RefusalCurve.of(results, List.of(0.2, 0.4, 0.5, 0.55));

        // then
        assertEquals(new RefusalCurve.Point(0.2, 0.5, 0.0), curve.get(0));
        assertEquals(new RefusalCurve.Point(0.4, 0.5, 0.25), curve.get(1));
        assertEquals(new RefusalCurve.Point(0.5, 1.0, 0.25), curve.get(2)); // 0.5 itself is not below 0.5
        assertEquals(new RefusalCurve.Point(0.55, 1.0, 0.5), curve.get(3));
        assertTrue(RefusalCurve.table(curve).contains("0.55"));
    }

    @Test
    void refusals_never_fall_as_the_threshold_rises() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        // given random results of both kinds
        List<QuestionResult> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(result(random.nextBoolean(), random.nextDouble()));
        }
        results.add(result(true, 0.5));
        results.add(result(false, 0.5));

        // when
        List<RefusalCurve.Point> curve = RefusalCurve.of(results, RefusalCurve.THRESHOLDS);

        // then
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).correctRefusals() >= curve.get(i - 1).correctRefusals(), "seed " + seed);
            assertTrue(curve.get(i).falseRefusals() >= curve.get(i - 1).falseRefusals(), "seed " + seed);
        }
        assertEquals(11, curve.size());
    }

    @Test
    void no_curve_without_both_kinds_of_question() {
        assertTrue(RefusalCurve.of(List.of(result(true, 0.2)), RefusalCurve.THRESHOLDS).isEmpty());
        assertEquals("", RefusalCurve.table(List.of()));
    }

    private static QuestionResult result(boolean answerable, double answerability) {
        return new QuestionResult("q", "question?", null, answerable, false, "answer", List.of(), List.of(), 0,
                false, false, 0, 0, 0, 0, 0, false, 1, List.of(), null, 0, false, false, java.util.Map.of(),
                answerability);
    }
}
