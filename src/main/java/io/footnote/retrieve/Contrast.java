package io.footnote.retrieve;

import org.tartarus.snowball.ext.EnglishStemmer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence states the opposite of what a question asks about: "What is the lowest court in the European
 * Union?" against "The European Court of Justice is the highest court…", "How was Tymnet connected to other
 * private networks?" against "…connected to dozens of other public networks". The sentence shares nearly every
 * word of the question, so retrieval and overlap rank it first; what makes it answer another question is one word
 * turned into its opposite. {@link Answerability} counts such a question like one naming something its evidence
 * never states.
 *
 * <p>The pairs are contraries of general English (degree, direction, order in time, scope, polarity), not a
 * thesaurus: a word and its opposite that a sentence cannot both mean of one thing. Converses ("buy" / "sell",
 * "give" / "receive") and kin ("father" / "mother") are left out on purpose: "Who bought the factory?" is answered by
 * "…the factory was sold to AvtoZAZ", and a family's sentences name both. A sentence that states the question's
 * word too, in any form ("losing" for "lose"), contrasts nothing; nor does a question that holds both words, or
 * offers a choice ("Which is more costly, formal or informal rule?").
 */
public final class Contrast {

    private static final String[] PAIRS = {
            "high low", "higher lower", "highest lowest", "large small", "larger smaller", "largest smallest",
            "big small", "bigger smaller", "biggest smallest", "long short", "longer shorter", "longest shortest",
            "early late", "earlier later", "earliest latest", "older newer", "oldest newest", "open closed",
            "public private", "internal external", "upper lower", "major minor", "maximum minimum", "positive negative",
            "more less", "most least", "increase decrease", "increased decreased", "increases decreases",
            "increasing decreasing", "north south", "northern southern", "east west", "eastern western",
            "before after", "above below", "inside outside", "strong weak", "stronger weaker", "strongest weakest",
            "fast slow", "faster slower", "fastest slowest", "hot cold", "wet dry", "rich poor", "richer poorer",
            "cheap expensive", "success failure", "successful unsuccessful", "accept reject", "accepted rejected",
            "legal illegal", "possible impossible", "likely unlikely", "true false", "correct incorrect",
            "same different", "common rare", "easy difficult", "direct indirect", "natural artificial",
            "urban rural", "ancient modern", "import export", "imports exports", "victory defeat", "offensive defensive",
            "male female", "win lose", "wins loses", "won lost", "winning losing", "best worst", "better worse",
            "young old", "younger older", "youngest oldest", "narrow wide", "thin thick", "deep shallow",
            "full empty", "alive dead", "domestic foreign", "inner outer", "majority minority", "superior inferior",
            "temporary permanent", "voluntary compulsory", "mandatory optional", "specific generic",
            "single multiple", "primary secondary", "vertical horizontal", "rise fall", "rising falling", "gain loss",
            "gains losses", "profit loss", "profits losses", "entry exit", "arrival departure", "presence absence",
            "present absent", "include exclude", "included excluded", "input output", "inbound outbound",
            "upstream downstream", "summer winter", "offense defense", "offence defence",
            "ally enemy", "allies enemies",
            // a word and its negative prefix: "Which marriage became uncommon?" against "…became common"
            "common uncommon", "known unknown", "usual unusual", "popular unpopular", "able unable",
            "available unavailable", "effective ineffective", "official unofficial", "formal informal",
            "dependent independent", "visible invisible", "stable unstable", "equal unequal", "fair unfair",
            "limited unlimited", "necessary unnecessary", "sufficient insufficient", "accurate inaccurate",
            "complete incomplete", "safe unsafe", "healthy unhealthy", "honest dishonest", "agree disagree",
            "advantage disadvantage", "specific nonspecific"};

    private static final Map<String, Set<String>> OPPOSITES = new HashMap<>();

    static {
        for (String pair : PAIRS) {
            String[] w = pair.split(" ");
            OPPOSITES.computeIfAbsent(w[0], k -> new HashSet<>()).add(w[1]);
            OPPOSITES.computeIfAbsent(w[1], k -> new HashSet<>()).add(w[0]);
        }
    }

    /** A question offering a choice ("…, formal or informal?", "Is the upper or the lower house larger?"). */
    private static final Pattern CHOICE = Pattern.compile("\\bor\\b");

    private Contrast() {
    }

    /**
     * The word of {@code question} whose opposite {@code sentence} states while never stating the word itself, in
     * any form; empty when there is none (or the question offers a choice).
     */
    public static Optional<String> contradicted(String question, String sentence) {
        if (CHOICE.matcher(question.toLowerCase(Locale.ROOT)).find()) {
            return Optional.empty();
        }
        Set<String> asked = AnswerType.words(question);
        Set<String> stated = AnswerType.words(sentence);
        for (String w : asked) {
            Set<String> opposite = OPPOSITES.get(w);
            if (opposite != null && opposite.stream().noneMatch(asked::contains)
                    && opposite.stream().anyMatch(stated::contains) && !states(stated, w)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** True when {@code sentence} states {@code word} in any form ("losing" states "lose"). */
    public static boolean states(String sentence, String word) {
        return states(AnswerType.words(sentence), word);
    }

    private static boolean states(Set<String> words, String word) {
        if (words.contains(word)) {
            return true;
        }
        String stem = stem(word);
        return words.stream().anyMatch(s -> stem(s).equals(stem));
    }

    private static String stem(String word) {
        EnglishStemmer stemmer = new EnglishStemmer(); // not thread-safe: one per call (cheap, and rarely reached)
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
