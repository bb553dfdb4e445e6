package io.footnote.retrieve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a sentence says of another thing what a question asks of one: the question's word before a noun is
 * replaced, in the sentence, by another word of its kind before the same noun — a number or ordinal by another
 * ("the first vote" / "the second vote", "three identical fermions" / "two identical fermions", "the 20th
 * century" / "the 19th century"), a name by another name ("an American ship" / "a European ship", "the Liberal
 * victory" / "the Conservative victory"). The sentence shares nearly every word of the question and answers a
 * different one; SQuAD 2.0's unanswerable questions are often written this way.
 *
 * <p>Strict on purpose, so that a sentence that does answer is rarely caught: the question's word must be stated
 * nowhere in the sentence (in any of its forms: "Victoria's" is "Victoria", "five" is "5", "Kievian" is
 * "Kievan"), the replacing word nowhere in the question, the noun must follow both directly, and a short
 * abbreviation ("EU law" / "Union law") or a word opening the sentence ("These missions") never counts.
 */
public final class Substitution {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.\\-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*(?:st|nd|rd|th)?");
    /** Small numbers and ordinals written out, in digits ("three" → "3", "third" → "3rd"): {@link Mentions}' list. */
    private static final Map<String, String> NUMBER_WORDS = Mentions.NUMBER_WORDS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    /** Words that are no noun to anchor on, nor a name when capitalised. */
    private static final Set<String> FUNCTION = Set.of("the", "a", "an", "and", "or", "but", "nor", "of", "in", "on", "at",
            "to", "for", "from", "by", "with", "as", "into", "than", "that", "this", "these", "those", "which", "who",
            "whom", "whose", "what", "when", "where", "why", "how", "is", "was", "are", "were", "be", "been", "being",
            "has", "have", "had", "do", "does", "did", "not", "its", "it", "their", "his", "her", "our", "also", "most",
            "more", "such", "other", "same", "some", "all", "any", "each", "every", "both", "if", "then", "there");
    /** An abbreviation's plural or possessive ending ("MPs", "MP's"). */
    private static final Pattern ABBREVIATION_ENDING = Pattern.compile("(?<=\\p{Lu})(?:['’]s|s['’]?)$");
    private static final Pattern ABBREVIATION_PLURAL = Pattern.compile("^(\\p{Lu}{2,})s$");
    /** Length of the shared opening that makes two words forms of one ("Kievian"/"Kievan", "Africa"/"African"). */
    private static final int SAME_PREFIX = 4;
    /** Abbreviations up to this length stand for a longer name the sentence may spell out ("EU"). */
    private static final int SHORT_ABBREVIATION = 4;

    private Substitution() {
    }

    /**
     * The word of {@code question} that {@code sentence} replaces by another of its kind before the same noun;
     * empty when there is none.
     */
    public static Optional<String> replaced(String question, String sentence) {
        List<String> q = words(question);
        List<String> s = words(sentence);
        for (int i = 1; i + 1 < q.size(); i++) {
            String word = q.get(i);
            String noun = q.get(i + 1);
            if (!Character.isLowerCase(noun.charAt(0)) || noun.length() < 3 || FUNCTION.contains(noun)) {
                continue;
            }
            Kind kind = kind(word);
            if (kind == null || stated(word, s)) {
                continue;
            }
            for (int j = 1; j < s.size(); j++) {
                if (s.get(j).equalsIgnoreCase(noun)) {
                    String other = s.get(j - 1);
                    if (kind(other) == kind && (kind == Kind.NUMBER || j - 1 > 0) && !stated(other, q)) {
                        return Optional.of(word);
                    }
                    break; // the noun's first mention only: later ones are often about something else again
                }
            }
        }
        return Optional.empty();
    }

    /** True when {@code sentence} states {@code word} in any form ({@link #replaced}'s test). */
    public static boolean states(String sentence, String word) {
        return stated(word, words(sentence));
    }

    private enum Kind { NUMBER, NAME }

    private static Kind kind(String word) {
        String w = normal(word);
        if (NUMBER.matcher(w).matches()) {
            return Kind.NUMBER;
        }
        String base = ABBREVIATION_ENDING.matcher(word).replaceFirst(""); // "MP's", "MPs" → "MP"
        boolean abbreviation = base.length() <= SHORT_ABBREVIATION && base.equals(base.toUpperCase(Locale.ROOT));
        if (Character.isUpperCase(word.charAt(0)) && !abbreviation && !FUNCTION.contains(w)) {
            return Kind.NAME;
        }
        return null;
    }

    private static boolean stated(String word, List<String> words) {
        String w = normal(word);
        boolean number = NUMBER.matcher(w).matches(); // a number is only itself: "1804" is not "1805"
        for (String other : words) {
            String o = normal(other);
            if (o.equals(w)) {
                return true;
            }
            boolean sameOpening = o.length() >= SAME_PREFIX && w.length() >= SAME_PREFIX
                    && o.regionMatches(0, w, 0, SAME_PREFIX);
            if (!number && (sameOpening || Mentions.misspelt(o, w))) {
                return true; // "Kievian" for "Kievan"; "Brainbridge's" for "Bainbridge’s"
            }
        }
        return false;
    }

    /** Lower case, without a possessive or plural "s", a number word as digits ("Victoria's" → "victoria"). */
    private static String normal(String word) {
        String w = ABBREVIATION_PLURAL.matcher(word).replaceFirst("$1").toLowerCase(Locale.ROOT).replace('’', '\'');
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s'")) {
            w = w.substring(0, w.length() - 1);
        }
        String number = NUMBER_WORDS.get(w);
        if (number != null) {
            return number;
        }
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && Character.isLetter(w.charAt(0))
                ? w.substring(0, w.length() - 1) : w;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            out.add(w.endsWith(".") ? w.substring(0, w.length() - 1) : w);
        }
        return out;
    }
}
