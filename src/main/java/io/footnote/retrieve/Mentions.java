package io.footnote.retrieve;

import io.footnote.domain.Document;
import io.footnote.index.ChunkSearch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The question's mentions (names, numbers, years) and whether an article states them: the rule that keeps
 * Footnote from answering "What is the capital of Australia?" with a sentence about an Australian airline's
 * staff ({@link Answerability}). Matching is forgiving, since a reader's question is not the article's wording:
 * accents, one misspelling, a prefix ("German" / "Germany"), small numbers written out, acronyms spelled out.
 */
final class Mentions {

    /**
     * How many articles' analysed terms are kept ({@link #stated}). A question reads its best article's terms and a
     * follow-up each candidate article's; analysing a whole article (tokenising and stemming every word) cost more
     * CPU than the rest of the sentence ranking, and the same articles come back across questions.
     */
    static final int STATED_CACHE = 128;

    private final ChunkSearch search;
    /** Article id to its analysed terms, least recently used first (guarded by itself). */
    private final Map<String, Stated> stated = new LinkedHashMap<>(STATED_CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stated> eldest) {
            return size() > STATED_CACHE;
        }
    };

    Mentions(ChunkSearch search) {
        this.search = search;
    }

    /** The analysed terms of an article's title and text, and the title and text they were analysed from. */
    private record Stated(String title, String text, Set<String> terms) {

        boolean of(Document doc) {
            return java.util.Objects.equals(title, doc.title()) && text.equals(doc.text());
        }
    }

    /** A capitalised run of words (a name) or a number, as the question writes it. */
    private static final Pattern MENTION = Pattern.compile(
            "\\b\\p{Lu}[\\p{L}\\p{N}'’.&-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}'’.&-]*)*|\\b\\d[\\p{L}\\d,.]*[\\p{L}\\d]|\\b\\d\\b");

    /**
     * The question's specific mentions: names (runs of capitalised words, the question's opening word aside) and
     * numbers or years, as written. "Who won the men's 100m at the London 2012 Olympics?" mentions "London",
     * "2012" and "Olympics". Evidence that never states one of them — in the sentence, its neighbours or its
     * article's title — is about something else, however well the rest matches. A follow-up's appended
     * "(context: …)" is left out: those names come from earlier questions, and a good answer may say "he".
     */
    static List<String> of(String query) {
        return named(DefaultSentenceRetriever.ownQuestion(query), true);
    }

    /**
     * The names and numbers of {@code text}; when {@code question}, its capitalised opening word is taken for
     * the word that opens a question, not a name.
     */
    private static List<String> named(String q, boolean question) {
        List<String> out = new ArrayList<>();
        var m = MENTION.matcher(q);
        while (m.find()) {
            String mention = m.group();
            if (question && (m.start() == 0 || q.substring(0, m.start()).isBlank())) {
                // the opening word is capitalised because it opens the question ("What", "Skype's"? rarely a name)
                int space = mention.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                mention = mention.substring(space + 1).strip();
            }
            if (mention.length() > 2 || Character.isDigit(mention.charAt(0))) { // not "TV", "UK": too often written out
                out.add(mention);
            }
        }
        return out;
    }

    /**
     * How many of the question's {@linkplain #of mentions} its best sentence's article never states, in its
     * title or anywhere in its text. The whole article counts, not the sentence alone: an answer sentence often
     * says "the two countries" or an acronym the article spelled out earlier. A term counts as stated when the
     * article has a term that begins with it or that it begins with, four letters at least ("German" is stated
     * by "Germany"). A name of several words counts as stated only when each of its words is: "Nintendo Wii" is
     * not stated by an article on the Nintendo DS.
     */
    int uncovered(String query, Document doc) {
        return uncovered(of(query), doc);
    }

    /**
     * Whether the article states the conversation's subject: every mention of a follow-up's appended context
     * ("German" and "Novartis" of "(context: German, Novartis)"; the names of one earlier question, which one
     * article answered), or the context mentions nothing. A follow-up asks
     * about the subject of the conversation, so a sentence of an article that never names it answers another
     * question ("How much is it spending?" after "Which German company did Novartis buy?" is not answered by
     * the Treasury's spending plans).
     */
    boolean statesSubject(String context, Document doc) {
        // "German, Novartis" opens with a name; a whole earlier question as context opens with a question word
        List<String> mentions = new ArrayList<>(named(context, false));
        mentions.removeIf(x -> DefaultSentenceRetriever.QUESTION_WORDS.contains(x.toLowerCase(java.util.Locale.ROOT)));
        return uncovered(mentions, doc) == 0;
    }

    /** As {@link #uncovered(String, Document)}, for mentions already found ({@link #of}): one question, many articles. */
    int uncovered(List<String> mentions, Document doc) {
        if (mentions.isEmpty()) {
            return 0;
        }
        Set<String> stated = stated(doc);
        int uncovered = 0;
        for (String mention : mentions) {
            if (!states(stated, doc.text(), mention)) {
                uncovered++;
            }
        }
        return uncovered;
    }

    /**
     * How many of the question's mentions the article states ({@link #uncovered} does not count them) but not near
     * sentence {@code sentence}: neither in its title nor in the paragraph holding that sentence, with the sentence
     * either side of the paragraph. An answer names what its question asks about close by — the article's subject
     * aside, which its title states and a sentence may call "it" — so a sentence whose paragraph never mentions
     * the question's year or name, though the article does elsewhere, most often answers a like-worded question
     * about something else ("Who won the battle of Lake Niagara?" against the paragraph on another battle).
     */
    int distant(List<String> mentions, Document doc, int sentence) {
        if (mentions.isEmpty()) {
            return 0;
        }
        String text = doc.text();
        var sentences = doc.sentences();
        int from = sentence;
        int to = sentence;
        int paragraphStart = paragraphStart(text, sentences.get(sentence).start());
        int paragraphEnd = paragraphEnd(text, sentences.get(sentence).end());
        while (from > 0 && sentences.get(from - 1).start() >= paragraphStart) {
            from--;
        }
        while (to < sentences.size() - 1 && sentences.get(to + 1).end() <= paragraphEnd) {
            to++;
        }
        from = Math.max(0, from - 1);
        to = Math.min(sentences.size() - 1, to + 1);
        String near = text.substring(sentences.get(from).start(), sentences.get(to).end());
        Set<String> nearTerms = new HashSet<>(search.analyze(doc.title()));
        nearTerms.addAll(search.analyze(near));
        Set<String> stated = stated(doc);
        int distant = 0;
        for (String mention : mentions) {
            if (states(stated, text, mention) && !states(nearTerms, near, mention)) {
                distant++;
            }
        }
        return distant;
    }

    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    /** Where the paragraph holding offset {@code at} begins: after the last blank line before it. */
    private static int paragraphStart(String text, int at) {
        int start = 0;
        var m = BLANK_LINE.matcher(text).region(0, at);
        while (m.find()) {
            start = m.end();
        }
        return start;
    }

    /** Where the paragraph holding offset {@code at} ends: at the first blank line after it. */
    private static int paragraphEnd(String text, int at) {
        var m = BLANK_LINE.matcher(text).region(at, text.length());
        return m.find() ? m.start() : text.length();
    }

    /**
     * Whether a mention is stated: each of its analysed words among {@code terms} ({@link #states(Set, String)}),
     * or an acronym that {@code text} spells out. A mention of question words alone counts as stated.
     */
    private boolean states(Set<String> terms, String text, String mention) {
        List<String> words = search.analyze(mention).stream()
                .filter(t -> !DefaultSentenceRetriever.QUESTION_WORDS.contains(t)).toList();
        return words.isEmpty() || words.stream().allMatch(t -> states(terms, t))
                || ACRONYM.matcher(mention).matches() && spelledOut(text, mention);
    }

    /**
     * Every term of the article's title and text, analysed once per article version: a cached set is used only
     * for the very title and text it was made from (an article changed since is analysed again).
     */
    private Set<String> stated(Document doc) {
        Stated known;
        synchronized (stated) {
            known = stated.get(doc.id());
        }
        if (known != null && known.of(doc)) {
            return known.terms();
        }
        Set<String> terms = new HashSet<>(search.analyze(doc.title()));
        terms.addAll(search.analyze(doc.text()));
        Set<String> frozen = Collections.unmodifiableSet(terms);
        synchronized (stated) {
            stated.put(doc.id(), new Stated(doc.title(), doc.text(), frozen));
        }
        return frozen;
    }

    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
    /** A run of capitalised words, with the small words names keep inside them ("Immigration and Customs Enforcement"). */
    private static final Pattern NAME_RUN = Pattern.compile(
            "\\p{Lu}\\p{L}*(?:\\s+(?:(?:and|of|for|the|de|&)\\s+)?\\p{Lu}\\p{L}*)+");

    /** True when {@code text} spells out {@code acronym}: a run of capitalised words whose initials it is. */
    static boolean spelledOut(String text, String acronym) {
        var m = NAME_RUN.matcher(text);
        while (m.find()) {
            StringBuilder initials = new StringBuilder();
            for (String w : m.group().split("\\s+")) {
                if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                    initials.append(w.charAt(0));
                }
            }
            if (initials.indexOf(acronym) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean states(Set<String> stated, String term) {
        if (stated.contains(term) || NUMBER_WORDS.containsKey(term) && stated.contains(NUMBER_WORDS.get(term))) {
            return true;
        }
        var ordinal = ORDINAL.matcher(term);
        if (ordinal.matches() && stated.contains(ordinal.group(1))) {
            return true; // "January 30th" is stated by "January 30"
        }
        if (term.length() < 4) {
            return false;
        }
        String folded = fold(term);
        for (String s : stated) {
            if (s.length() >= 4 && (s.startsWith(term) || term.startsWith(s)
                    || Math.abs(s.length() - term.length()) <= 1 && misspelt(fold(s), folded))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Below this length a term is taken for a misspelling of another only when two neighbouring letters are
     * swapped ("GSCE"): a short name is one letter from many ordinary words ("Nobel" from "novel", "Wales" from
     * "sales"), and an article stating the word is not stating the name.
     */
    static final int MIN_MISSPELT = 6;

    /** Whether {@code a} and {@code b} are one typing slip apart ({@link #oneEditApart}, {@link #MIN_MISSPELT}). */
    static boolean misspelt(String a, String b) {
        if (a.equals(b) || Math.min(a.length(), b.length()) >= MIN_MISSPELT) {
            return oneEditApart(a, b);
        }
        return a.length() == b.length() && swappedNeighbours(a, b);
    }

    /** True when {@code a} is {@code b} with two neighbouring letters swapped. */
    static boolean swappedNeighbours(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    private static final Pattern ORDINAL = Pattern.compile("(\\d+)(?:st|nd|rd|th)");

    /** Small numbers and ordinals as a question may write them and an article spell them, analysed. */
    /** Small numbers and ordinals in digits, as words ("3" → "three", "3rd" → "third"). */
    static final Map<String, String> NUMBER_WORDS = numberWords();

    private static Map<String, String> numberWords() {
        String[] cardinal = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve"};
        String[] ordinal = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth"};
        String[] suffix = {"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th", "th", "th", "th"};
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < cardinal.length; i++) {
            out.put(String.valueOf(i), cardinal[i]);
            out.put(i + suffix[i], ordinal[i]);
        }
        return Map.copyOf(out);
    }

    /** Accents removed ("Gospić" and "Gospic" are one name to a reader who cannot type the accent). */
    private static String fold(String term) {
        if (term.chars().allMatch(c -> c < 128)) {
            return term; // nothing to fold, and this runs for every term of the article on each question
        }
        return java.text.Normalizer.normalize(term, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /**
     * One insertion, deletion, substitution or swap of neighbours apart: a question's misspelling of a name
     * ("Moncalm", "Brainbridge", "GSCE") still names it.
     */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            return a.substring(i + 1).equals(b.substring(i + 1))
                    || (i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

}
