package io.footnote.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Correct versus false refusals as a function of the answerability threshold
 * ({@code footnote.answering.min-answerability}): at threshold {@code t} a question is declined when its
 * answerability (the calibrated probability {@link io.footnote.retrieve.Answerability} gives the best sentence)
 * is below {@code t} — the extractive answerer's rule. Read it to choose a threshold: each row says what share of
 * the unanswerable questions would be declined and what share of the answerable ones would be lost with it.
 * Only meaningful on a set with both kinds of question (SQuAD v2.0, a golden set with out-of-corpus questions).
 */
public final class RefusalCurve {

    /** The thresholds a report shows: 0.20 to 0.70 in steps of 0.05. */
    public static final List<Double> THRESHOLDS = thresholds(0.20, 0.70, 0.05);

    /**
     * One threshold's outcome.
     *
     * @param correctRefusals share of unanswerable questions declined
     * @param falseRefusals   share of answerable questions declined
     */
    public record Point(double threshold, double correctRefusals, double falseRefusals) {
    }

    private RefusalCurve() {
    }

    /** The curve over {@code thresholds}; empty when the results lack answerable or unanswerable questions. */
    public static List<Point> of(List<QuestionResult> results, List<Double> thresholds) {
        List<QuestionResult> answerable = results.stream().filter(QuestionResult::answerable).toList();
        List<QuestionResult> unanswerable = results.stream().filter(r -> !r.answerable()).toList();
        if (answerable.isEmpty() || unanswerable.isEmpty()) {
            return List.of();
        }
        List<Point> out = new ArrayList<>(thresholds.size());
        for (double t : thresholds) {
            out.add(new Point(t, declined(unanswerable, t), declined(answerable, t)));
        }
        return out;
    }

    /** The curve as a plain-text table for the console; empty when there is no curve. */
    public static String table(List<Point> curve) {
        if (curve.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("  min-answerability   unanswerable declined   answerable declined\n");
        for (Point p : curve) {
            b.append(String.format(Locale.ROOT, "  %17.2f   %21.3f   %19.3f%n", p.threshold(), p.correctRefusals(),
                    p.falseRefusals()));
        }
        return b.toString();
    }

    private static double declined(List<QuestionResult> rs, double threshold) {
        return rs.stream().filter(r -> r.answerability() < threshold).count() / (double) rs.size();
    }

    private static List<Double> thresholds(double from, double to, double step) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; from + i * step <= to + 1e-9; i++) {
            out.add(Math.round((from + i * step) * 100) / 100.0);
        }
        return List.copyOf(out);
    }
}
