package io.footnote.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Per-kind figures of a golden set whose question ids start with their kind ({@code fact-}, {@code para-},
 * {@code why-}/{@code how-}, {@code two-}, {@code follow-}, {@code out-}), as issue 12 states its targets:
 * the fact stated with its supporting sentence cited first, some citation holding the answer, and how often
 * answerable and unanswerable questions were declined.
 */
record KindBreakdown(String kind, int questions, double factAndGoldCitedFirst, double firstCitationHolds,
                     double someCitationHolds, double declined) {

    /** The kind a question id names: its first dash-separated word, {@code how} counted with {@code why}. */
    static String kindOf(String id) {
        int dash = id.indexOf('-');
        String k = dash < 0 ? id : id.substring(0, dash);
        return k.equals("how") ? "why" : k;
    }

    /** One row per kind in order of first appearance, then "answerable" over every answerable question. */
    static List<KindBreakdown> of(List<QuestionResult> results) {
        Map<String, List<QuestionResult>> byKind = new LinkedHashMap<>();
        for (QuestionResult r : results) {
            byKind.computeIfAbsent(kindOf(r.id()), k -> new ArrayList<>()).add(r);
        }
        List<KindBreakdown> rows = new ArrayList<>();
        byKind.forEach((kind, rs) -> rows.add(row(kind, rs)));
        rows.add(row("answerable", results.stream().filter(QuestionResult::answerable).toList()));
        return rows;
    }

    static KindBreakdown find(List<KindBreakdown> rows, String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no questions of kind " + kind));
    }

    /** Stated fact and a gold supporting sentence as the first citation: the "fact + sentence cited". */
    static boolean factAndGoldFirst(QuestionResult r) {
        return !r.abstained() && r.keyFacts() && !r.citations().isEmpty() && r.citations().getFirst().gold();
    }

    private static KindBreakdown row(String kind, List<QuestionResult> rs) {
        return new KindBreakdown(kind, rs.size(), share(rs, KindBreakdown::factAndGoldFirst),
                share(rs, QuestionResult::firstCitationAnswers), share(rs, QuestionResult::someCitationAnswers),
                share(rs, QuestionResult::abstained));
    }

    private static double share(List<QuestionResult> rs, Predicate<QuestionResult> p) {
        return rs.isEmpty() ? 0 : rs.stream().filter(p).count() / (double) rs.size();
    }

    /** A Markdown table of the rows. */
    static String table(List<KindBreakdown> rows) {
        StringBuilder sb = new StringBuilder("| kind | n | fact + gold sentence cited first | first citation holds answer"
                + " | some citation holds answer | declined |\n|---|---|---|---|---|---|\n");
        for (KindBreakdown r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", r.kind(), r.questions(),
                    r.factAndGoldCitedFirst(), r.firstCitationHolds(), r.someCitationHolds(), r.declined()));
        }
        return sb.toString();
    }
}
