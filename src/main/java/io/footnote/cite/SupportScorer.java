package io.footnote.cite;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well one source sentence backs one answer sentence (a claim), in [0, 1].
 *
 * <p>The score blends meaning and wording, then penalises the mismatches small embedding models miss:
 * <pre>
 *   support = (W_SIMILARITY · cosine(claim, source) + W_COVERAGE · coverage) · numbers · names · negation
 * </pre>
 * <ul>
 *   <li>{@code cosine}: similarity of the two sentence embeddings (negative counts as 0);</li>
 *   <li>{@code coverage}: share of the claim's content words found in the source (crude stemming, so
 *       "deported" meets "deportations");</li>
 *   <li>{@code numbers}: {@link #NUMBER_PENALTY} when the claim states a number the source does not
 *       ("2,880" against "288");</li>
 *   <li>{@code names}: for capitalised names in the claim that the source lacks, down to
 *       {@code 1 - NAME_PENALTY} when none is there ("Mayorkas" against a sentence about Wang);</li>
 *   <li>{@code negation}: {@link #NEGATION_PENALTY} when exactly one of the two is negated.</li>
 * </ul>
 * A claim identical to its source (the extractive answerer quotes) scores 1 without embedding. The weights and
 * the threshold a caller applies were set on the labelled pairs in
 * {@code src/test/resources/verification/labelled.json} (see {@code VerificationQualityTest}).
 */
public final class SupportScorer {

    /** Embeds a text as a vector; the scorer takes the cosine of two, so the length need not be 1. */
    @FunctionalInterface
    public interface Embedder {
        float[] embed(String text);
    }

    static final double W_SIMILARITY = 0.55;
    static final double W_COVERAGE = 0.45;
    static final double NUMBER_PENALTY = 0.35;
    static final double NAME_PENALTY = 0.5;
    static final double NEGATION_PENALTY = 0.55;

    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at",
            "by", "for", "with", "from", "as", "into", "over", "after", "before", "about", "than", "that", "this",
            "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
            "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "shall", "he", "she",
            "they", "them", "their", "his", "her", "hers", "him", "we", "our", "us", "you", "your", "i", "me", "my",
            "said", "says", "say", "told", "according", "also", "which", "who", "whom", "whose", "what", "when",
            "where", "why", "how", "there", "here", "so", "such", "some", "any", "all", "more", "most", "other",
            "just", "very", "up", "out", "if", "then", "because", "while", "during", "since", "not", "no", "never",
            "one", "mr", "ms", "mrs", "s");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "neither", "nor", "none", "cannot",
            "without", "refused", "refuses", "refuse", "denied", "denies", "rejected", "rejects");
    private static final Map<String, String> NUMBER_WORDS = numberWords();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?(?:[.,]\\d+)*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}’'-]+");

    private final Embedder embedder;

    public SupportScorer(Embedder embedder) {
        this.embedder = embedder;
    }

    /** The support score of {@code source} for {@code claim}; both are plain sentences (no markers). */
    public double score(String claim, String source) {
        if (normalise(claim).equals(normalise(source))) {
            return 1.0;
        }
        double similarity = Math.max(0, cosine(embedder.embed(claim), embedder.embed(source)));
        Set<String> sourceWords = words(source);
        Set<String> sourceStems = stems(sourceWords);
        Set<String> claimContent = content(words(claim));
        double coverage = 1;
        if (!claimContent.isEmpty()) {
            int found = 0;
            for (String w : claimContent) {
                if (sourceWords.contains(w) || sourceStems.contains(stem(w))) {
                    found++;
                }
            }
            coverage = (double) found / claimContent.size();
        }
        double score = W_SIMILARITY * similarity + W_COVERAGE * coverage;
        if (!numbers(source).containsAll(numbers(claim))) {
            score *= NUMBER_PENALTY;
        }
        Set<String> names = names(claim);
        if (!names.isEmpty()) {
            int missing = 0;
            for (String n : names) {
                if (!sourceStems.contains(stem(n))) {
                    missing++;
                }
            }
            score *= 1 - NAME_PENALTY * missing / names.size();
        }
        if (negated(claim) != negated(source)) {
            score *= NEGATION_PENALTY;
        }
        return Math.max(0, Math.min(1, score));
    }

    static String normalise(String s) {
        return s.replaceAll("[“”\"‘’']", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String w = m.group();
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            out.add(NUMBER_WORDS.getOrDefault(w, w));
        }
        return out;
    }

    private static Set<String> content(Set<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            if (!STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static Set<String> stems(Set<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(stem(w));
        }
        return out;
    }

    /** A crude stem: the first six letters of the word after common suffixes are cut. */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        for (String suffix : new String[] {"ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        return w.length() > 6 ? w.substring(0, 6) : w;
    }

    /** The numbers a sentence states, digits only ("53,000" → "53000"; "two" → "2"). */
    static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group().replace(",", ""));
        }
        for (String w : words(text)) {
            if (w.chars().allMatch(Character::isDigit) && !w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Capitalised words, which are most likely names (a capitalised common word opening the claim is kept
     * too: it is usually in a source that backs the claim, so it costs little).
     */
    static Set<String> names(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            if (!STOP.contains(m.group().toLowerCase(Locale.ROOT))) {
                out.add(m.group());
            }
        }
        return out;
    }

    static boolean negated(String text) {
        for (String w : words(text)) {
            if (NEGATIONS.contains(w) || w.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static Map<String, String> numberWords() {
        String[] names = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                "twenty"};
        Map<String, String> out = new HashMap<>();
        // "zero" and "one" are left out: "one of the officials" states no number.
        for (int i = 2; i < names.length; i++) {
            out.put(names[i], Integer.toString(i));
        }
        return Map.copyOf(out);
    }
}
