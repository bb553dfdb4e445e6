package io.footnote.cite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well one source sentence backs one answer sentence (a claim), in [0, 1].
 *
 * <p>The score is a logistic model over three signals:
 * <pre>
 *   support = σ(w_sim · cosine(claim, source) + w_cov · coverage + w_pen · penalty + bias)
 * </pre>
 * <ul>
 *   <li>{@code cosine}: similarity of the two sentence embeddings (negative counts as 0);</li>
 *   <li>{@code coverage}: share of the claim's content words found in the source, a word matching its other
 *       forms ({@link #contains});</li>
 *   <li>{@code penalty}: the product of the checks small embedding models miss ({@link Mismatches}): a factor when
 *       the claim states a number the source does not ("2,880" against "288"); one for each
 *       capitalised name of the claim that the source lacks ("Mexico" against a sentence about Colombia; an
 *       acronym counts as found when the source's capitalised words have those initials, "CBP");
 *       one when the claim is negated (an odd number of "not", "never", "refused", …) and the source is not (only
 *       this way round: a source often negates something in a side clause the claim leaves out); one when the
 *       claim concludes a comparison ("X was born first", "X has more members than Y") the source does not state.</li>
 * </ul>
 * Two sets of weights, by the kind of claim: a {@link #PHRASE} (at most {@link #PHRASE_WORDS} content words, as
 * a short answer "Arthur's Magazine" or "in 1844") must be stated in so many words, so coverage carries it; a
 * {@link #SENTENCE} is often a paraphrase, so meaning (cosine) carries it and the checks veto. The weights were
 * fitted by {@code VerifierFit} (its javadoc names the data, the split and the command) so that the support
 * threshold 0.50 ({@code footnote.verification.min-support}) is where the fitting data's macro-F1 is best.
 * A claim identical to its source (the extractive answerer quotes) scores 1 without embedding.
 */
public final class SupportScorer {

    /** Embeds a text as a vector; the scorer takes the cosine of two, so the length need not be 1. */
    @FunctionalInterface
    public interface Embedder {
        float[] embed(String text);
    }

    /**
     * The weights of one kind of claim.
     *
     * @param similarity weight of the embeddings' cosine
     * @param coverage   weight of the share of the claim's content words the source holds
     * @param penalty    weight of the number/name/negation penalty product (1 when nothing is amiss)
     * @param bias       the constant term
     */
    record Weights(double similarity, double coverage, double penalty, double bias) {

        double support(double similarity, double coverage, double penalty) {
            double z = this.similarity * similarity + this.coverage * coverage + this.penalty * penalty + bias;
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** Claims of at most this many content words are phrases. */
    static final int PHRASE_WORDS = 3;
    /** Weights for a claim of more than {@link #PHRASE_WORDS} content words (fitted by {@code VerifierFit}). */
    static final Weights SENTENCE = new Weights(2.81, 0.00, 3.55, -4.86);
    /** Weights for a short claim, an answer phrase (fitted by {@code VerifierFit}). */
    static final Weights PHRASE = new Weights(0.00, 3.86, 4.08, -6.66);

    static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at",
            "by", "for", "with", "from", "as", "into", "over", "after", "before", "about", "than", "that", "this",
            "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
            "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "shall", "he", "she",
            "they", "them", "their", "his", "her", "hers", "him", "we", "our", "us", "you", "your", "i", "me", "my",
            "said", "says", "say", "told", "according", "also", "which", "who", "whom", "whose", "what", "when",
            "where", "why", "how", "there", "here", "so", "such", "some", "any", "all", "more", "most", "other",
            "just", "very", "up", "out", "if", "then", "because", "while", "during", "since", "not", "no", "never",
            "one", "mr", "ms", "mrs", "s");
    private static final Map<String, String> NUMBER_WORDS = numberWords();
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?(?:[.,]\\d+)*");

    private final Embedder embedder;

    public SupportScorer(Embedder embedder) {
        this.embedder = embedder;
    }

    /** The support score of {@code source} for {@code claim}; both are plain sentences (no markers). */
    public double score(String claim, String source) {
        if (normalise(claim).equals(normalise(source))) {
            return 1.0;
        }
        return score(claim, source, usesSimilarity(claim) ? similarity(claim, source) : 0);
    }

    /** Whether the embeddings count for this claim at all (they do not for a short answer phrase). */
    public static boolean usesSimilarity(String claim) {
        return weights(claim).similarity() > 0;
    }

    /** The cosine of the two sentences' embeddings, negative counted as 0. */
    public double similarity(String claim, String source) {
        return Math.max(0, cosine(embedder.embed(claim), embedder.embed(source)));
    }

    /**
     * The support score with the embedding part given: {@code similarity} is the cosine to use (so a caller
     * can score several sentences taken together by their best sentence's cosine, without embedding the
     * joined text). The lexical parts are computed on {@code source} as given.
     */
    public double score(String claim, String source, double similarity) {
        return lexical(claim, source).support(similarity);
    }

    /**
     * The lexical parts of scoring {@code source} for {@code claim}, computed once for a caller that tries several
     * cosines for one sentence ({@link EvidenceFinder}); {@link Lexical#support} equals
     * {@link #score(String, String, double)}.
     */
    static Lexical lexical(String claim, String source) {
        if (normalise(claim).equals(normalise(source))) {
            return new Lexical(weights(claim), true, 1, 1);
        }
        return new Lexical(weights(claim), false, coverage(claim, source), Mismatches.penalty(claim, source));
    }

    /** A claim and source read lexically: identical (support 1), or their coverage and mismatch penalty. */
    record Lexical(Weights weights, boolean identical, double coverage, double penalty) {

        double support(double similarity) {
            return identical ? 1.0 : weights.support(similarity, coverage, penalty);
        }
    }

    private static Weights weights(String claim) {
        return isPhrase(claim) ? PHRASE : SENTENCE;
    }

    /** Whether the claim is a short answer phrase rather than a sentence ({@link #PHRASE_WORDS}). */
    static boolean isPhrase(String claim) {
        return content(words(claim)).size() <= PHRASE_WORDS;
    }

    /** Share of the claim's content words found in {@code source} (1 when the claim has none). */
    public static double coverage(String claim, String source) {
        Set<String> sourceWords = words(source);
        Set<String> claimContent = content(words(claim));
        double coverage = 1;
        if (!claimContent.isEmpty()) {
            int found = 0;
            for (String w : claimContent) {
                if (contains(sourceWords, w)) {
                    found++;
                }
            }
            coverage = (double) found / claimContent.size();
        }
        return coverage;
    }

    /** The content words of the claim that {@code source} lacks, in no particular order. */
    public static Set<String> missingWords(String claim, String source) {
        Set<String> sourceWords = words(source);
        Set<String> out = new HashSet<>();
        for (String w : content(words(claim))) {
            if (!contains(sourceWords, w)) {
                out.add(w);
            }
        }
        return out;
    }

    static String normalise(String s) {
        return s.replaceAll("[“”\"‘’']", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    static Set<String> words(String text) {
        return new HashSet<>(wordList(text));
    }

    /** The words of {@code text} in order, read as {@link #words} reads them. */
    static List<String> wordList(String text) {
        List<String> out = new ArrayList<>();
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

    static Set<String> content(Set<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            if (!STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * True when {@code words} holds {@code word} or a form of it: alphabetic words match when they share a
     * prefix of at least {@code max(4, shorter length - 2)} letters ("deported"/"deportations",
     * "China"/"Chinese", "Colombia"/"Colombian"; not "law"/"lawyer"). Numbers match only exactly.
     */
    static boolean contains(Set<String> words, String word) {
        if (words.contains(word)) {
            return true;
        }
        if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) {
            return false;
        }
        for (String w : words) {
            if (w.length() < 4 || !w.chars().allMatch(Character::isLetter)) {
                continue;
            }
            int need = Math.max(4, Math.min(w.length(), word.length()) - 2);
            int common = 0;
            while (common < w.length() && common < word.length() && w.charAt(common) == word.charAt(common)) {
                common++;
            }
            if (common >= need) {
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
