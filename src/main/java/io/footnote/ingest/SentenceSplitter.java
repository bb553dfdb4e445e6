package io.footnote.ingest;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences with character offsets, using ICU's sentence BreakIterator with its English
 * suppressions (what {@code ss=standard} selects) so abbreviations such as "U.S." and "Mr." do not end a
 * sentence, less the ordinary words in that list ({@link #ENDS_SENTENCES}).
 * A line break always ends a sentence (ICU treats it as a paragraph separator), which keeps headlines and
 * one-sentence-per-line articles apart. Offsets exclude surrounding whitespace.
 */
public final class SentenceSplitter {

    /**
     * Words in ICU's English suppressions (CLDR's list of abbreviations after which a capitalised word does not
     * start a sentence) that end ordinary sentences in news text: "…under the Terrorism Act. The bill…", "…runs at
     * 3.8 GHz. Details…", "…on a PC. The game…", "…in Washington DC. The…". ICU kept each such pair as one
     * sentence, so a citation quoted two. These end a sentence when a capital follows; the rest of the list ("Mr.",
     * "U.S." before a name, months) still does not.
     */
    static final List<String> ENDS_SENTENCES = List.of("Act", "Long", "Job", "Up", "Hat", "Link", "Card", "Jam",
            "Mart", "Cap", "Or", "By", "Ok", "OK", "Hz", "GHz", "MHz", "kHz", "Kb", "Gb", "Mb", "PC", "DC", "Conn", "Md");

    /** ICU's sentence iterator with the English suppressions less {@link #ENDS_SENTENCES}; cloned for each use. */
    private static final BreakIterator PROTOTYPE = prototype();

    private static BreakIterator prototype() {
        FilteredBreakIteratorBuilder suppressions = FilteredBreakIteratorBuilder.getInstance(ULocale.US);
        for (String word : ENDS_SENTENCES) {
            suppressions.unsuppressBreakAfter(word + ".");
        }
        return suppressions.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.US));
    }

    /** "U.S.", "U.K.", "Mr.", "Dr." and the like, standing alone. */
    /** Titles that stand before a name: "Mr.", "St." ("licensed by St. George's Church"), "Gov." and the like. */
    private static final String TITLES = "Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|Fr|Mt|Ft|Pres|Adm"
            + "|Maj|Cmdr|Hon";

    private static final java.util.regex.Pattern LONE_ABBREVIATION = java.util.regex.Pattern.compile(
            "[“\"‘']?(?:\\p{L}\\.){2,}|(?:" + TITLES + "|Jr|Sr|No|Vol)\\.");

    /**
     * A fragment that ends in a person's initial ("George W.", "Sir C. V.") or in "v."/"vs." between two names
     * ("Glassroth v."): ICU ends a sentence there, since a capital letter follows.
     */
    private static final java.util.regex.Pattern ENDS_IN_INITIAL = java.util.regex.Pattern.compile(
            "(?:(?:|.*[\\s(“\"‘'])\\p{Lu}[\\p{L}’'.-]*\\s+(?:\\p{Lu}|vs?)|(?:\\p{Lu}\\.\\s*)*\\p{Lu})\\.",
            java.util.regex.Pattern.DOTALL);

    /**
     * Capitalised words that open sentences far more often than they are surnames: after "Group B." or "Plan
     * A." one of these starts a new sentence, so the fragments stay apart.
     */
    private static final Set<String> SENTENCE_OPENERS = Set.of("The", "A", "An", "He", "She", "It", "They", "We",
            "I", "You", "But", "And", "Or", "So", "In", "On", "At", "By", "For", "With", "From", "To", "Of", "As",
            "This", "That", "These", "Those", "There", "Their", "His", "Her", "Its", "Our", "My", "Your", "When",
            "While", "After", "Before", "If", "Then", "However", "Now", "Yet", "Also", "Some", "Many", "Most", "All",
            "No", "Not", "What", "Who", "Why", "How", "Where", "Which");

    /** Words that label a thing with a letter ("Group B.", "Plan A.", "Vitamin C."): no name follows them. */
    private static final Set<String> LETTER_LABELS = Set.of("Group", "Plan", "Vitamin", "Type", "Class", "Division",
            "Pool", "Section", "Category", "Grade", "Level", "Appendix", "Part", "Exhibit", "Schedule", "Figure",
            "Table", "Channel", "Camp", "Terminal", "Gate", "Block", "Wing", "Row", "Zone", "Tier", "Option",
            "Model", "Series", "Phase", "Stage", "Round", "Box", "Room", "Platform", "Building", "Hall", "Unit",
            "Court", "Pitch", "Column", "Area", "Sector", "League", "Band", "Flight", "Team", "Squad", "Form");

    /** A fragment ending in a title ("…licensed by St."). */
    private static final java.util.regex.Pattern ENDS_IN_TITLE = java.util.regex.Pattern.compile(
            "(?:|.*[\\s(“\"‘'])(?:" + TITLES + ")\\.", java.util.regex.Pattern.DOTALL);

    /**
     * A bracketed question or exclamation, as Wikipedia's "[who?]" and "[when?]" tags: ICU ends a sentence after
     * it, though the sentence goes on in lower case.
     */
    private static final java.util.regex.Pattern ENDS_IN_BRACKETED_QUESTION = java.util.regex.Pattern.compile(
            ".*\\[[^\\]]{0,40}[?!]\\]", java.util.regex.Pattern.DOTALL);

    /**
     * The rest of a bracketed tag ICU cut at its question mark: "unreliable source?]" after "…debts).[", the
     * second of Wikipedia's "[unreliable source?][unreliable source?]".
     */
    private static final java.util.regex.Pattern BRACKET_TAG_END = java.util.regex.Pattern.compile(
            "\\[?[^\\[\\]]{1,40}\\]+[.,;:]?");

    /** A fragment opening with another initial: "K." or "K. Rowling…" after "met J.". */
    private static final java.util.regex.Pattern OPENS_WITH_INITIAL = java.util.regex.Pattern.compile(
            "\\p{Lu}\\.(?:\\s.*)?", java.util.regex.Pattern.DOTALL);
    /** A fragment ending in a lone capital letter and a full stop ("met J."). */
    private static final java.util.regex.Pattern ENDS_IN_LETTER = java.util.regex.Pattern.compile(
            "(?:|.*[\\s(“\"‘'])\\p{Lu}\\.", java.util.regex.Pattern.DOTALL);

    public List<Sentence> split(String text) {
        // BreakIterator instances are not thread-safe and cheap to clone from the cached prototype.
        BreakIterator it = (BreakIterator) PROTOTYPE.clone();
        it.setText(text);
        List<Sentence> sentences = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s && hasLetterOrDigit(text, s, e)) {
                if (!sentences.isEmpty() && (isLoneAbbreviation(text, sentences.get(sentences.size() - 1))
                        || endsInInitial(text, sentences.get(sentences.size() - 1), s, e)
                        || continuesAfterBracketedQuestion(text, sentences.get(sentences.size() - 1), s, e)
                        || closesBracketTag(text, sentences.get(sentences.size() - 1), s, e))
                        && text.substring(sentences.get(sentences.size() - 1).end(), s).indexOf('\n') < 0) {
                    // ICU broke after an abbreviation that opens a sentence ("U.S. Immigration and ..."), or
                    // inside a name ("George W. | Bush"): the fragment belongs to the sentence after it. The
                    // rest of a bracketed tag ("…debts).[ | unreliable source?]") belongs to the one before.
                    Sentence prev = sentences.remove(sentences.size() - 1);
                    sentences.add(new Sentence(prev.index(), prev.start(), e));
                    continue;
                }
                sentences.add(new Sentence(sentences.size(), s, e));
            } else if (e > s && !sentences.isEmpty()) {
                // A stray closing quote or bullet belongs to the sentence before it.
                Sentence prev = sentences.remove(sentences.size() - 1);
                sentences.add(new Sentence(prev.index(), prev.start(), e));
            }
        }
        return sentences;
    }

    /**
     * Whether {@code prev} ends in an initial or a title of a name that the fragment {@code from}–{@code to} goes on
     * with ("Mark L." before "Lester (born 1946) is…", "by St." before "George's Church…", but not "Group B."
     * before "They face…").
     */
    private static boolean endsInInitial(String text, Sentence prev, int from, int to) {
        int last = prev.end() - 1;
        if (last < prev.start() + 1 || text.charAt(last) != '.' || !Character.isLetter(text.charAt(last - 1))) {
            return false; // the common case, settled without a regular expression
        }
        String before = text.substring(prev.start(), prev.end());
        if (ENDS_IN_LETTER.matcher(before).matches() && OPENS_WITH_INITIAL.matcher(text.substring(from, to)).matches()) {
            return true; // "J. | K. Rowling": two initials in a row are a name, whatever precedes them
        }
        boolean title = ENDS_IN_TITLE.matcher(before).matches();
        if (!title && (!ENDS_IN_INITIAL.matcher(before).matches() || LETTER_LABELS.contains(wordBeforeLast(before)))) {
            return false;
        }
        while (from < to && "“\"‘'(".indexOf(text.charAt(from)) >= 0) {
            from++; // Russell L. | "Rusty" Schweickart
        }
        int end = from;
        while (end < to && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        String next = text.substring(from, end);
        return !next.isEmpty() && Character.isUpperCase(next.charAt(0)) && !SENTENCE_OPENERS.contains(next);
    }

    /** Whether {@code prev} ends in a bracketed "[who?]" that the fragment goes on after in lower case. */
    private static boolean continuesAfterBracketedQuestion(String text, Sentence prev, int from, int to) {
        return text.charAt(prev.end() - 1) == ']' && from < to && Character.isLowerCase(text.charAt(from))
                && ENDS_IN_BRACKETED_QUESTION.matcher(text.substring(prev.start(), prev.end())).matches();
    }

    /** Whether the fragment {@code from}–{@code to} only closes a bracketed tag that {@code prev} opened. */
    private static boolean closesBracketTag(String text, Sentence prev, int from, int to) {
        return text.charAt(prev.end() - 1) == '[' && BRACKET_TAG_END.matcher(text.substring(from, to)).matches();
    }

    /** The word before the fragment's last one ("Group" in "…in Group B."), or "" when there is none. */
    private static String wordBeforeLast(String fragment) {
        String[] words = fragment.strip().split("\\s+");
        return words.length < 2 ? "" : words[words.length - 2].replaceAll("^[(“\"‘']+", "");
    }

    private static boolean isLoneAbbreviation(String text, Sentence s) {
        return LONE_ABBREVIATION.matcher(text.substring(s.start(), s.end())).matches();
    }

    private static boolean hasLetterOrDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
