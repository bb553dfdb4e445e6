package io.footnote.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evaluation run for machines ({@code report.json}: summary and every question) and for people
 * ({@code report.html}: summary table, a bar chart per metric, the worst failures with what was retrieved).
 * The page is self-contained: no script, no external asset.
 */
public final class ReportWriter {

    private static final int WORST = 30;

    private ReportWriter() {
    }

    public static void write(Path dir, Summary summary, List<QuestionResult> results) {
        write(dir, summary, results, Map.of());
    }

    /**
     * As {@link #write(Path, Summary, List)}, with {@code judge} (question id → the judge's verdict and reason)
     * in {@code report.json} when not empty.
     */
    public static void write(Path dir, Summary summary, List<QuestionResult> results, Map<String, ?> judge) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> report = new java.util.LinkedHashMap<>();
            report.put("summary", summary);
            report.put("questions", results);
            report.put("refusalCurve", RefusalCurve.of(results, RefusalCurve.THRESHOLDS));
            if (!judge.isEmpty()) {
                report.put("judge", judge);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve("report.json").toFile(), report);
            Files.writeString(dir.resolve("report.html"), html(summary, results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary as a plain-text table for the console. */
    public static String table(Summary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s — %d questions (%d answerable, %d unanswerable) %s%n", s.dataset(),
                s.questions(), s.answerable(), s.unanswerable(), s.settings()));
        s.metrics().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-32s %8.3f%n", k, v)));
        return b.toString();
    }

    static String html(Summary s, List<QuestionResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Footnote evaluation — ")
                .append(esc(s.dataset())).append("</title><style>")
                .append("body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1b1b1b;padding:0 1rem}")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .7rem;text-align:left;vertical-align:top}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.bar{fill:#2456a6}.bg{fill:#e8edf5}")
                .append(".q{margin:1.2rem 0;padding:.8rem;border:1px solid #ddd;border-radius:6px}.q ol{margin:.3rem 0}")
                .append(".bad{color:#a11}.ok{color:#175f1e}small{color:#555}</style></head><body>");
        b.append("<h1>Footnote evaluation: ").append(esc(s.dataset())).append("</h1><p>")
                .append(s.questions()).append(" questions (").append(s.answerable()).append(" answerable, ")
                .append(s.unanswerable()).append(" unanswerable). Settings: ").append(esc(s.settings().toString()))
                .append("</p><h2>Summary</h2><table><tr><th>metric</th><th>value</th><th></th></tr>");
        for (var e : s.metrics().entrySet()) {
            double v = e.getValue();
            boolean latency = e.getKey().startsWith("latency");
            boolean share = !latency && !e.getKey().startsWith("prompt.tokens");
            b.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, share ? "%.3f" : latency ? "%.0f ms" : "%.0f", v)).append("</td><td>");
            if (share) {
                int w = (int) Math.round(Math.max(0, Math.min(1, v)) * 300);
                b.append("<svg width=\"300\" height=\"14\" role=\"img\" aria-label=\"").append(esc(e.getKey()))
                        .append("\"><rect class=\"bg\" width=\"300\" height=\"14\"/><rect class=\"bar\" width=\"")
                        .append(w).append("\" height=\"14\"/></svg>");
            }
            b.append("</td></tr>");
        }
        b.append("</table>");
        b.append(refusalCurve(RefusalCurve.of(results, RefusalCurve.THRESHOLDS)));
        b.append(rankHistogram(results));
        b.append("<h2>Worst failures</h2><p><small>Answerable questions whose first citation does not hold the answer, "
                + "gold sentence ranked lowest first; then unanswerable questions that were answered.</small></p>");
        List<QuestionResult> worst = results.stream()
                .filter(r -> (r.answerable() && !r.firstCitationAnswers()) || (!r.answerable() && !r.abstained()))
                .sorted(Comparator.comparing((QuestionResult r) -> !r.answerable())
                        .thenComparing(r -> r.goldRank() == 0 ? Integer.MAX_VALUE : r.goldRank(), Comparator.reverseOrder()))
                .limit(WORST).toList();
        for (QuestionResult r : worst) {
            b.append("<div class=\"q\"><b>").append(esc(r.question())).append("</b> <small>")
                    .append(esc(r.id())).append(r.answerable() ? "" : " · unanswerable").append(" · gold rank ")
                    .append(r.goldRank() == 0 ? "not retrieved" : String.valueOf(r.goldRank())).append("</small>");
            if (r.rewrittenQuestion() != null) {
                b.append("<br><small>rewritten: ").append(esc(r.rewrittenQuestion())).append("</small>");
            }
            b.append("<p>Answer").append(r.abstained() ? " (abstained)" : "").append(": ").append(esc(r.answer())).append("</p>");
            b.append("<p><small>Retrieved sentences:</small></p><ol>");
            for (String t : r.retrieved()) {
                b.append("<li>").append(esc(t)).append("</li>");
            }
            b.append("</ol></div>");
        }
        return b.append("</body></html>").toString();
    }

    private static String refusalCurve(List<RefusalCurve.Point> curve) {
        if (curve.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>Declining by threshold</h2><p><small>At each value of "
                + "<code>footnote.answering.min-answerability</code>, the share of unanswerable questions declined "
                + "(correct) and of answerable ones declined (false).</small></p><table><tr><th>threshold</th>"
                + "<th>unanswerable declined</th><th>answerable declined</th></tr>");
        for (RefusalCurve.Point p : curve) {
            b.append(String.format(Locale.ROOT, "<tr><td class=\"n\">%.2f</td><td class=\"n\">%.3f</td>"
                    + "<td class=\"n\">%.3f</td></tr>", p.threshold(), p.correctRefusals(), p.falseRefusals()));
        }
        return b.append("</table>").toString();
    }

    private static String rankHistogram(List<QuestionResult> results) {
        int[] buckets = new int[7]; // ranks 1,2,3,4-5,6-10,>10,not retrieved
        for (QuestionResult r : results) {
            if (!r.answerable()) {
                continue;
            }
            int k = r.goldRank();
            buckets[k == 0 ? 6 : k == 1 ? 0 : k == 2 ? 1 : k == 3 ? 2 : k <= 5 ? 3 : k <= 10 ? 4 : 5]++;
        }
        String[] labels = {"1", "2", "3", "4–5", "6–10", ">10", "missing"};
        int max = Math.max(1, java.util.Arrays.stream(buckets).max().orElse(1));
        StringBuilder b = new StringBuilder("<h2>Rank of the gold sentence</h2><svg width=\"460\" height=\"180\" role=\"img\" "
                + "aria-label=\"histogram of gold sentence ranks\">");
        for (int i = 0; i < buckets.length; i++) {
            int h = (int) Math.round(140.0 * buckets[i] / max);
            int x = 10 + i * 64;
            b.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(150 - h).append("\" width=\"50\" height=\"")
                    .append(h).append("\"/><text x=\"").append(x).append("\" y=\"168\" font-size=\"12\">").append(labels[i])
                    .append("</text><text x=\"").append(x).append("\" y=\"").append(145 - h).append("\" font-size=\"11\">")
                    .append(buckets[i]).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
