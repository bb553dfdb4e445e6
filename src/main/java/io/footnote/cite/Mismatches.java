package io.footnote.cite;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a claim against a source that small embedding models miss: a number the source does not state
 * ("2,880" against "288"), a name it lacks ("Mexico" against a sentence about Colombia), a negation it does not
 * share. {@link #penalty} multiplies their factors; {@link SupportScorer} weighs that product.
 */
final class Mismatches {

    static final double NUMBER_PENALTY = 0.35;
    static final double NAME_PENALTY = 0.6;
    static final double NEGATION_PENALTY = 0.45;
    static final double COMPARISON_PENALTY = 0.45;
    /**
     * Words that make a claim a comparison when it concludes with one ("X was born first", "X is closer", "X has
     * more species") or compares with "than" ("X has more members than Y").
     */
    private static final Set<String> COMPARATIVES = Set.of("first", "more", "less", "fewer", "earlier", "later",
            "older", "younger", "closer", "nearer", "farther", "larger", "bigger", "smaller", "longer", "shorter",
            "higher", "lower", "taller", "greater", "better", "worse");
    /** Comparatives of amount, which conclude a comparison before a noun too ("X has more species"). */
    private static final Set<String> QUANTITIES = Set.of("more", "less", "fewer");
    /** Negating words; "never refuses" holds two, which cancel out. */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "neither", "nor", "none", "cannot",
            "without", "rarely", "seldom", "hardly", "refuse", "refused", "refuses", "refusing", "deny", "denied",
            "denies", "reject", "rejected", "rejects", "fail", "failed", "fails");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d+(?:[.,]\\d+)*");
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}’'-]+");
    private static final Pattern NEXT_CAPITALISED = Pattern.compile("\\s+\\p{Lu}");

    /** The product of the number, name and negation penalties (1 when none applies). */
    static double penalty(String claim, String source) {
        double score = 1;
        Set<String> sourceWords = SupportScorer.words(source);
        if (!numbers(source).containsAll(numbers(claim))) {
            score *= NUMBER_PENALTY;
        }
        String initials = initials(source);
        int missing = 0;
        for (String n : names(claim)) {
            boolean acronym = n.length() >= 2 && n.chars().allMatch(Character::isUpperCase);
            // The name is read as the source's words are ("Arthur's" as "arthur", "Twenty" as "20"), so a source
            // that states it is found to.
            boolean found = SupportScorer.words(n).stream().allMatch(w -> SupportScorer.contains(sourceWords, w));
            if (!found && !(acronym && initials.contains(n))) {
                missing++;
            }
        }
        score *= Math.pow(NAME_PENALTY, missing);
        if (negated(claim) && !negated(source)) {
            score *= NEGATION_PENALTY;
        }
        if (!sourceWords.containsAll(comparisons(claim))) {
            score *= COMPARISON_PENALTY;
        }
        return score;
    }

    /** Initials of the source's capitalised words, so "CBP" is found in "Customs and Border Protection". */
    static String initials(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            out.append(m.group().charAt(0));
        }
        return out.toString();
    }

    /**
     * The numbers a sentence states, digits only ("53,000" → "53000"; "two" → "2"). Digits inside a word are part
     * of a name, not a number ("C3", "HbA1c", "H2O"); after a hyphen they count ("COVID-19", "B-52").
     */
    static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group().replace(",", ""));
        }
        for (String w : SupportScorer.words(text)) {
            if (w.chars().allMatch(Character::isDigit) && !w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Capitalised words, which are most likely names. The claim's first word counts only when the next word is
     * capitalised too ("Stanford University is…", "Pablo Trapero was…"): a single first word is capitalised
     * anyway, and when it is a name it is usually the subject, which the evidence sentence may call "it" or "the
     * drug" (checked alone on ExpertQA's claims, it lost 0.06 macro-F1; see docs/verify.md). A quoted first word
     * is a title and counts ("\"Zero\" is the second single…").
     */
    static Set<String> names(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NAME.matcher(text);
        boolean first = true;
        while (m.find()) {
            boolean atStart = first && text.substring(0, m.start()).chars().noneMatch(Character::isLetterOrDigit);
            first = false;
            boolean runStart = atStart && NEXT_CAPITALISED.matcher(text).region(m.end(), text.length()).lookingAt();
            boolean quoted = m.start() > 0 && "\"“‘".indexOf(text.charAt(m.start() - 1)) >= 0;
            if ((!atStart || runStart || quoted) && !SupportScorer.STOP.contains(m.group().toLowerCase(Locale.ROOT))) {
                out.add(m.group());
            }
        }
        return out;
    }

    /**
     * The comparisons a sentence concludes: a comparative word that ends it ("Lydia Davis was born first.", "The
     * airport is closer."), or "more", "less", "fewer" before its last word ("Chelone has more species."), or any
     * comparative followed by "than" ("Curve has more members than Saint Motel"). Stating facts about each side
     * ("born in 1947", "four species") is not stating the comparison, so a source backs it only when it states the
     * same word. A comparative that qualifies ("a more accurate method", "Arthur's first magazine") is left alone.
     */
    static Set<String> comparisons(String text) {
        List<String> words = SupportScorer.wordList(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean last = i == words.size() - 1;
            boolean quantity = i == words.size() - 2 && QUANTITIES.contains(w);
            if (COMPARATIVES.contains(w) && (last || quantity || words.subList(i + 1, words.size()).contains("than"))) {
                out.add(w);
            }
        }
        return out;
    }

    /** True when the sentence holds an odd number of negating words ("did not cooperate", "refused"). */
    static boolean negated(String text) {
        int n = 0;
        Matcher m = SupportScorer.WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            if (NEGATIONS.contains(m.group()) || m.group().endsWith("n't")) {
                n++;
            }
        }
        return n % 2 == 1;
    }

    private Mismatches() {
    }
}
