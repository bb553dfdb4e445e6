package io.footnote.eval;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answer, retrieval and citation metrics as plain functions (no framework), so they can gate any test.
 * Text comparisons follow the SQuAD evaluation script's normalisation: lower case, no punctuation, no
 * articles, single spaces.
 */
public final class Metrics {

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern MARKER = Pattern.compile("\\s*[\\[【]\\d+(\\s*,\\s*\\d+)*[\\]】]");

    private Metrics() {
    }

    /** SQuAD normalisation: lower case, punctuation and articles removed, whitespace collapsed. */
    public static String normalize(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = PUNCTUATION.matcher(t).replaceAll(" ");
        t = ARTICLES.matcher(t).replaceAll(" ");
        return t.replaceAll("\\s+", " ").strip();
    }

    /** The answer text without its citation markers. */
    public static String stripMarkers(String answer) {
        return MARKER.matcher(answer).replaceAll("");
    }

    /** 1 when the normalised texts are equal, else 0; the best over the references. */
    public static double exactMatch(String prediction, Collection<String> references) {
        String p = normalize(prediction);
        return references.stream().anyMatch(r -> normalize(r).equals(p)) ? 1 : 0;
    }

    /** SQuAD token F1 between prediction and the best-matching reference. */
    public static double tokenF1(String prediction, Collection<String> references) {
        double best = 0;
        for (String r : references) {
            best = Math.max(best, tokenF1(prediction, r));
        }
        return best;
    }

    static double tokenF1(String prediction, String reference) {
        List<String> p = tokens(prediction);
        List<String> r = tokens(reference);
        if (p.isEmpty() || r.isEmpty()) {
            return p.equals(r) ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        r.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : p) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                common++;
                counts.put(t, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / p.size();
        double recall = (double) common / r.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static List<String> tokens(String s) {
        String n = normalize(s);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }

    /** True when {@code text} contains {@code fragment}, both normalised (so "U.S." matches "U.S"). */
    public static boolean containsNormalized(String text, String fragment) {
        String f = normalize(fragment);
        return !f.isEmpty() && (" " + normalize(text) + " ").contains(" " + f + " ");
    }

    /**
     * Key-fact match: every required fact is present, where a fact is a list of acceptable alternatives
     * (e.g. {@code [["288"], ["Immigration and Customs Enforcement", "ICE"]]}).
     */
    public static boolean keyFactMatch(String answer, List<List<String>> facts) {
        for (List<String> alternatives : facts) {
            if (alternatives.stream().noneMatch(a -> containsNormalized(answer, a))) {
                return false;
            }
        }
        return true;
    }

    /** 1-based rank of the first relevant item, or 0 when none is relevant. */
    public static int firstRelevantRank(List<Boolean> relevantByRank) {
        for (int i = 0; i < relevantByRank.size(); i++) {
            if (relevantByRank.get(i)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Whether a relevant item is among the first {@code k}. */
    public static boolean hitAtK(int firstRelevantRank, int k) {
        return firstRelevantRank > 0 && firstRelevantRank <= k;
    }

    /** Reciprocal rank: 1 / rank of the first relevant item, 0 when none. */
    public static double reciprocalRank(int firstRelevantRank) {
        return firstRelevantRank == 0 ? 0 : 1.0 / firstRelevantRank;
    }

    /** Citation recall: 1 when a gold supporting sentence is among the cited ones (ALCE-style, per answer). */
    public static double citationRecall(Set<String> cited, Set<String> gold) {
        if (gold.isEmpty()) {
            return 1;
        }
        return cited.stream().anyMatch(gold::contains) ? 1 : 0;
    }

    /** Citation precision: share of citations that are gold or judged to support the claim. */
    public static double citationPrecision(List<Boolean> citationIsGoodByIndex) {
        if (citationIsGoodByIndex.isEmpty()) {
            return 1;
        }
        return citationIsGoodByIndex.stream().filter(b -> b).count() / (double) citationIsGoodByIndex.size();
    }

    /** The p-th percentile (0–100) by nearest rank; 0 for no values. */
    public static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Mean of a list; 0 for none. */
    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
