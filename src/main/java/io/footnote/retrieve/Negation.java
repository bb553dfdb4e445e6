package io.footnote.retrieve;

import java.util.regex.Pattern;

/**
 * Whether a question asks about what did <em>not</em> happen, and whether a sentence states any negation: a
 * question that asks "Which group can not meet elsewhere?" is not answered by "Committees can also meet at other
 * locations." however many words they share. {@link Answerability} counts a negated question whose evidence
 * states no negation like a name the evidence never states.
 *
 * <p>Lenient on the sentence's side on purpose: any negating word, and the words that carry a negation ("failed",
 * "refused", "except", "exempt", "without", "instead of", "rarely"), count, so that a sentence that does answer is
 * rarely caught ("…destroyed all the major cities with the exceptions of Novgorod and Pskov"). Words that only
 * restrict or compare ("only", "less", "against", "unlike", "un…able") no longer count (twentieth round): on SQuAD
 * 2.0's dev half (seeds 42 and 7) 5 and 3 more unanswerable negated questions were declined ("What is not a side
 * effect of glucocorticoids?"), no answerable one; on SQuAD 1.1 one right answer was lost (seed 7: "…has been less
 * in public view" for "Why has the corruption not been in the public view?").
 */
public final class Negation {

    /** "not", "never", "n't", "cannot", "no longer" in a question; "whether or not" and "or not" ask both ways. */
    private static final Pattern ASKED = Pattern.compile("\\b(?:not|never|cannot|no longer)\\b|n['’]t\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOTH_WAYS = Pattern.compile("\\bor (?:not|may not|might not|cannot|can't|won't)\\b|"
            + "\\bif not\\b|\\bnot only\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATED = Pattern.compile("\\b(?:not|no|never|cannot|none|neither|nor|nobody|nothing|"
            + "nowhere|without|instead|rather than|unable|unlike|rarely|seldom|hardly|barely|scarcely|yet to|"
            + "fail\\w*|refus\\w*|lack\\w*|except\\w*|declin\\w*|"
            + "reject\\w*|den(?:y|ies|ied)|absen\\w*|prevent\\w*|avoid\\w*|ban(?:s|ned)?|forb[ia]d\\w*|exempt\\w*|"
            + "non-\\w+|halt\\w*|stop\\w*|cancel\\w*|abandon\\w*|exclud\\w*|ceas\\w*)\\b|n['’]t\\b",
            Pattern.CASE_INSENSITIVE);

    /** A word negated by its prefix in a question: "non-imperialism", "non-Muslims". */
    private static final Pattern NON_ASKED = Pattern.compile("\\bnon-\\p{L}", Pattern.CASE_INSENSITIVE);
    /**
     * A sentence's own "non"-word ("non-governmental", "nonstate") or a plain negation ("a chloroplast that's not
     * from the rhodoplast lineage" says "a non-rhodoplast chloroplast").
     */
    private static final Pattern NON_STATED = Pattern.compile("\\bnon|\\b(?:not|no|never|cannot)\\b|n['’]t\\b",
            Pattern.CASE_INSENSITIVE);

    private Negation() {
    }

    /**
     * True when {@code question} asks about what is "non-" something ("What grew as a result of non-imperialism?",
     * "What did the conflict galvanize non-Muslims to do?"): evidence that never says "non" nor "not" is about the
     * thing itself. Narrower than {@link #asked}, whose evidence may state any negation ("only", "less", "except"…), and
     * wider than a "non"-word alone: on SQuAD 1.1 seed 7, four answerable questions' evidence says it with "not"
     * ("…a chloroplast that's not from the rhodoplast lineage" for "a non-rhodoplast chloroplast").
     */
    public static boolean prefixAsked(String question) {
        return NON_ASKED.matcher(question).find();
    }

    /** True when {@code sentence} has a "non"-word of its own or a plain negation ({@link #prefixAsked}). */
    public static boolean prefixStated(String sentence) {
        return NON_STATED.matcher(sentence).find();
    }

    /** True when {@code question} asks about what is not so ("What did Luther say he would not exchange?"). */
    public static boolean asked(String question) {
        return ASKED.matcher(BOTH_WAYS.matcher(question).replaceAll(" ")).find();
    }

    /** True when {@code sentence} states a negation of any kind (a negating word, "failed", "except", "only"…). */
    public static boolean stated(String sentence) {
        return STATED.matcher(sentence).find();
    }
}
