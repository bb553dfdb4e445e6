package io.footnote.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks' golden questions on the BBC corpus ({@code /bench/bbc-questions.json}: the article file, the
 * question, and the evidence sentence that answers it), and how a cited or retrieved text is matched to it.
 */
public final class BenchQuestions {

    /** One golden question: {@code file} is relative to the corpus folder. */
    public record Question(String file, String question, String evidence) {
    }

    private BenchQuestions() {
    }

    public static List<Question> load() throws IOException {
        try (InputStream in = BenchQuestions.class.getResourceAsStream("/bench/bbc-questions.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Question> out = new ArrayList<>();
            for (JsonNode q : root.get("questions")) {
                out.add(new Question(q.get("file").asText(), q.get("question").asText(), q.get("evidence").asText()));
            }
            return out;
        }
    }

    /** A citation is the evidence when one contains the other (the evidence may be part of a sentence). */
    public static boolean sameEvidence(String citation, String evidence) {
        String c = normalize(citation);
        String e = normalize(evidence);
        return c.contains(e) || (c.length() > 20 && e.contains(c));
    }

    /** Whether a retrieved text (a chunk) holds the evidence, white space aside. */
    public static boolean holdsEvidence(String text, String evidence) {
        return normalize(text).contains(normalize(evidence));
    }

    /** {@code hits/total (pct%)}, as the benchmark tables show it. */
    public static String pct(int hits, int total) {
        return String.format(Locale.ROOT, "%d/%d (%.0f%%)", hits, total, 100.0 * hits / total);
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
