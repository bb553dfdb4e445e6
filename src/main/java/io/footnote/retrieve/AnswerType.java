package io.footnote.retrieve;

import io.footnote.domain.Span;

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
 * What kind of answer a question asks for, detected from its wording, and whether a sentence supplies that
 * kind of answer <em>outside the question's own words</em>. "How many users does Skype have?" asks for a
 * number; "…now has 28 million users" supplies one, while a sentence that only repeats the question's own
 * numbers does not. The patterns are deliberately plain (English question words, capitalisation, digits,
 * month names, a few connectives) so they hold for any corpus rather than one question set.
 */
public enum AnswerType {
    /** who, whom, whose, which company/person/team …: a name. */
    NAME,
    /** how many/much/long/fast…, what percentage/number/amount/level/score…: a number or amount. */
    NUMBER,
    /** when, what year/date/month/day/century: a date. */
    DATE,
    /** where, what country/city/place, what is the capital of: a place. */
    PLACE,
    /** why, how (not how many/much/…): a reason or manner. */
    REASON,
    /** anything else (what, which thing, yes/no questions). */
    OTHER;

    private static final Pattern Q_NUMBER = Pattern.compile("\\bhow (many|much|long|old|far|big|large|tall|often|"
            + "fast|quickly|high|heavy|deep|wide|hot|cold)\\b|\\b(what|which)( (is|was|are|were|will be))?( the)?( \\p{L}+)? (percentage|percent|proportion|number|"
            + "amount|share|size|age|price|cost|value|level|rate|speed|score|temperature|height|weight|distance|length|"
            + "margin|majority)\\b|\\bhow much\\b|\\bby how\\b");
    /** "When" asks for a date where it opens the question ("…since when?" too), not as a conjunction inside it. */
    private static final Pattern Q_DATE = Pattern.compile("^when\\b|\\bsince when\\b|\\bwhen\\s*\\?$|\\b(what|which) "
            + "(year|date|month|day|decade|century|time)\\b");
    private static final Pattern Q_NAME = Pattern.compile("\\b(who|whom|whose)\\b|\\b(which|what) (company|companies|"
            + "firm|person|people|man|woman|player|team|club|band|group|organi[sz]ation|party|minister|"
            + "manufacturer|maker|brand|actor|actress|singer|director|author|chief|boss|leader)\\b");
    private static final Pattern Q_PLACE = Pattern.compile("\\bwhere\\b|\\b(what|which) (country|countries|city|"
            + "cities|town|place|region|state|continent|nation)\\b|\\b(what|which)( (is|was|are|were))? the capital"
            + "( city)? of\\b");
    private static final Pattern Q_REASON = Pattern.compile("^(why|how)\\b|\\b(why|how come|what (caused|led to)|"
            + "for what reason)\\b|\\bhow (did|does|do|is|are|was|were|can|could|will|would)\\b");

    /**
     * A number: digits (not those inside a name such as "BBC1", "A380" or "G8", hence nothing before them but a
     * symbol or a space), or a number word.
     */
    private static final Pattern S_NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d[\\d,.]*%?|\\b(one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|"
            + "trillions?|dozens?|half|quarter|third|double|twice|few|several|numerous)\\b", Pattern.CASE_INSENSITIVE);
    /** A date: a year, a day, a month, an ordinal ("the 14th century"), a season. */
    private static final Pattern S_DATE = Pattern.compile("\\b(1[0-9]{3}|20[0-9]{2})s?\\b|\\b\\d{1,2}(st|nd|rd|th)\\b"
            + "|\\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|"
            + "tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|century|centuries|decades?|"
            + "spring|summer|autumn|winter|ago)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * Time given relative to another event ("after Decision Time"): enough to answer "when", though not a date
     * to set in bold.
     */
    private static final Pattern S_RELATIVE_TIME = Pattern.compile("\\b(after|before|during|until|once|first|last|"
            + "recent|recently|early|late|later|earlier)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY = Pattern.compile("\\b\\d{1,2}(st|nd|rd|th)?\\s+$");
    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}'’.-]*\\p{L}|\\b\\p{Lu}{2,}\\b");
    private static final Pattern S_PLACE = Pattern.compile("\\b(in|at|near|from|to|into|across|outside|inside|"
            + "throughout) (the )?(\\p{Lu}[\\p{L}'’.-]+)");
    private static final Pattern S_REASON = Pattern.compile("\\b(because|due to|owing to|as a result|result of|so that|"
            + "in order to|caused by|cause[sd]?|thanks to|reason|since|after|by [a-z]+ing|by using|through|led to|"
            + "leads to|so as to|aimed at|designed to|demanded|meant|means|therefore|hence|following)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A question that asks for a cause ("Why…", "How come…", "For what reason…", "What led to…"), not a manner. */
    private static final Pattern Q_WHY = Pattern.compile("\\bwhy\\b|\\bhow come\\b|\\bfor what reasons?\\b|"
            + "\\bwhat (caused|causes|led to|leads to|prompted|made)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A connective that states a cause or a purpose outright. Narrower than {@link #S_REASON}, whose common words
     * ("after", "since", "through", "following", "means") are in most sentences of any kind.
     */
    private static final Pattern S_CAUSE = Pattern.compile("\\b(because|due to|owing to|as a result of|thanks to|"
            + "so that|in order to|caused by|the reasons?|reasons? (for|why)|led to|leading to|an attempt to|"
            + "aimed at|for fear|in protest|on the grounds|on the basis|ruled that|ruling that|found that|finding that|"
            + "concluded that|suffered from|suffering from|blamed on|attributed to)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A name the sentence places something at: "in", "at" or "near" before a capitalised word ("born in Newcastle",
     * "held at SAP Center"). Narrower than {@link #S_PLACE}, whose "from", "to", "across"… also open the names of
     * people, groups and documents ("a letter to Pope Leo", "troops from Britain") in sentences that say where
     * nothing is.
     */
    private static final Pattern S_LOCATIVE = Pattern.compile("\\b(?:in|at|near) (?:the )?(\\p{Lu}[\\p{L}'’.-]+)");

    /** What a counting question counts: the words after "how many", "number of"… ("users", "color analysts"). */
    private static final Pattern Q_COUNTED = Pattern.compile("\\b(?:how many|number of|percentage of|proportion of"
            + "|share of)\\s+([\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+){0,2})", Pattern.CASE_INSENSITIVE);
    /** Where the counted words end: the verb or preposition after them ("users does…", "copies of…"). */
    private static final Set<String> COUNTED_END = Set.of("did", "does", "do", "is", "are", "was", "were", "have",
            "has", "had", "will", "would", "can", "could", "should", "may", "might", "in", "of", "for", "to", "on",
            "at", "by", "from", "with", "that", "which", "who", "the", "a", "an", "there", "they", "it", "he", "she");

    /**
     * Other words a sentence counts a counted noun with: people are counted as inhabitants, officials, fans or
     * passengers ("How many people attended?" / "…350 government officials and experts"), and measures by their
     * other spellings and abbreviations ("How many kilometres…" / "…300 km"). Stems, as {@link #stem} gives them.
     * People go one way only: "How many soldiers…" is not answered by a number of passengers.
     */
    private static final Set<String> PERSONS = Set.of("people", "person", "inhabitant", "resident", "citizen",
            "individual", "adult", "children", "men", "women", "worker", "employee", "staff", "member", "visitor",
            "passenger", "soldier", "troop", "official", "student", "fan", "spectator", "voter", "patient", "victim",
            "settler", "refugee", "migrant", "delegate", "participant", "attendee");
    private static final List<Set<String>> SAME_MEASURE = List.of(Set.of("kilometer", "kilometre", "km"),
            Set.of("meter", "metre", "m"), Set.of("centimeter", "centimetre", "cm"), Set.of("mile", "mi"),
            Set.of("foot", "feet", "ft"), Set.of("pound", "lb", "lbs"), Set.of("kilogram", "kilo", "kg"),
            Set.of("ton", "tonne"), Set.of("hectare", "ha"));
    private static final Map<String, Set<String>> COUNTED_ALIASES = countedAliases();

    /** What separates words; compiled once, as {@code String.split} and {@code replaceAll} would compile it per call. */
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,.%]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern TRAILING_STOP = Pattern.compile("\\.$");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "and", "but", "or", "if", "in", "on",
            "at", "to", "of", "by", "for", "with", "from", "after", "before", "as", "this", "that", "these", "those",
            "there", "here", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "mr",
            "mrs", "ms", "dr", "what", "when", "where", "which", "who", "why", "how", "however", "meanwhile",
            "also", "so", "yet", "while", "although", "some", "many", "most", "all", "one", "both");

    /**
     * The kind of answer {@code question} asks for, from the user's own words: a follow-up's appended context
     * ({@link DefaultSentenceRetriever#CONTEXT_MARK}) may be an earlier question, whose question words are not this
     * one's.
     */
    public static AnswerType of(String question) {
        String q = DefaultSentenceRetriever.ownQuestion(question).toLowerCase(Locale.ROOT);
        if (Q_NUMBER.matcher(q).find()) {
            return NUMBER;
        }
        if (Q_DATE.matcher(q).find()) {
            return DATE;
        }
        if (Q_NAME.matcher(q).find()) {
            return NAME;
        }
        if (Q_PLACE.matcher(q).find()) {
            return PLACE;
        }
        if (Q_REASON.matcher(q).find()) {
            return REASON;
        }
        return OTHER;
    }

    /** True when {@code question} asks for a cause ("Why…", "What led to…"), not a manner ("How did…"). */
    public static boolean asksWhy(String question) {
        return Q_WHY.matcher(question).find();
    }

    /** True when {@code sentence} states a cause or purpose with an outright connective ("because", "due to"…). */
    public static boolean statesCause(String sentence) {
        return S_CAUSE.matcher(sentence).find();
    }

    /**
     * True when {@code sentence} places something at a name the question lacks ({@link #S_LOCATIVE}: "…were born
     * in Newcastle" for "What city was Neville born in?"), where a sentence about the same place that does not
     * name it ("…were born in the city") does not.
     */
    public static boolean placesAt(String sentence, Set<String> questionWords) {
        Matcher m = S_LOCATIVE.matcher(sentence);
        while (m.find()) {
            String w = TRAILING_STOP.matcher(m.group(1).toLowerCase(Locale.ROOT)).replaceAll("");
            if (!questionWords.contains(w) && !FUNCTION_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stems of what a counting question counts ("How many copies of GTA were sold?" → {@code copy}), with the
     * words a sentence may count it with instead ({@link #COUNTED_ALIASES}); empty when it counts nothing named
     * ("How much does it cost?").
     */
    public static Set<String> countedNouns(String question) {
        Matcher m = Q_COUNTED.matcher(question);
        if (!m.find()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String w : m.group(1).toLowerCase(Locale.ROOT).split("\\s+")) {
            if (COUNTED_END.contains(w)) {
                break;
            }
            String stem = stem(w);
            out.add(stem);
            out.addAll(COUNTED_ALIASES.getOrDefault(stem, Set.of()));
        }
        return out;
    }

    private static Map<String, Set<String>> countedAliases() {
        Map<String, Set<String>> aliases = new HashMap<>();
        aliases.put("people", PERSONS);
        aliases.put("person", PERSONS);
        for (Set<String> same : SAME_MEASURE) {
            same.forEach(w -> aliases.put(w, same));
        }
        return Map.copyOf(aliases);
    }

    /**
     * True when {@code sentence} gives a number with one of {@code nouns} (stems, {@link #countedNouns}) within
     * the three words after it: "…has sold more than 677,000 copies" counts copies; "…has an 18 certificate" does
     * not.
     */
    public static boolean countsNear(String sentence, Set<String> nouns) {
        if (nouns.isEmpty()) {
            return false;
        }
        String[] words = NON_WORD.split(sentence.toLowerCase(Locale.ROOT).replace(",", "").replace(".", ""));
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty() || !S_NUMBER.matcher(words[i]).matches()) {
                continue;
            }
            for (int j = i + 1; j < Math.min(words.length, i + 4); j++) {
                if (nouns.contains(stem(words[j]))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A plural's singular, roughly ("copies" → "copy", "users" → "user"): enough to match a counted noun. Plain
     * string tests, not a regular expression: it runs for every word of every candidate sentence of a counting
     * question.
     */
    static String stem(String word) {
        String w = word.endsWith("'s") || word.endsWith("’s") ? word.substring(0, word.length() - 2) : word;
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The question's words, lower-cased, against which a sentence's answer must be new. */
    public static Set<String> words(String question) {
        Set<String> out = new HashSet<>();
        for (String w : NON_WORD.split(question.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * True when {@code sentence} holds an answer of this kind that is not one of {@code questionWords}.
     * {@link #OTHER} is never supplied: there is nothing specific to look for.
     */
    public boolean suppliedBy(String sentence, Set<String> questionWords) {
        return suppliedBy(sentence, spans(sentence, questionWords), questionWords);
    }

    /** {@link #suppliedBy} given the sentence's {@link #spans}. */
    private boolean suppliedBy(String sentence, List<Span> spans, Set<String> questionWords) {
        return !spans.isEmpty()
                || this == DATE && !newHits(S_RELATIVE_TIME.matcher(sentence), 0, questionWords).isEmpty();
    }

    /**
     * A place as a reader may state it: a preposition of place before a word the question lacks ("to the snooker
     * hall", "in Canberra"), which {@link #S_PLACE}'s capitalised names do not cover.
     */
    private static final Pattern S_PLACE_LOOSE = Pattern.compile("\\b(?:in|at|near|from|to|into|across|outside|"
            + "inside|throughout|on|between|around|towards?|via|within|beyond|behind|under|over) (?:(?:the|a|an|his|her|"
            + "their|its) )?(\\p{L}[\\p{L}'’-]*)", Pattern.CASE_INSENSITIVE);

    /**
     * Whether {@code sentence} gives an answer of this kind at all, beyond the question's own words: what
     * {@link Answerability} asks before it cuts a question whose evidence cannot answer it. Lenient, so that a
     * sentence that answers is rarely caught: for {@link #PLACE} any name (a capitalised word other than an
     * ordinary opening word such as "More") or any preposition of place before a new word counts ("based in Australia" does not answer "What is the capital
     * of Australia?"; "went to the snooker hall" answers "Where did he go?"); for the other kinds it is
     * {@link #suppliedBy}.
     */
    public boolean givenBy(String sentence, Set<String> questionWords) {
        if (suppliedBy(sentence, questionWords)) {
            return true;
        }
        if (this != PLACE) {
            return false;
        }
        Matcher m = S_PLACE_LOOSE.matcher(sentence);
        while (m.find()) {
            String w = POSSESSIVE.matcher(m.group(1).toLowerCase(Locale.ROOT)).replaceAll("");
            if (!FUNCTION_WORDS.contains(w) && !questionWords.contains(w)) {
                return true;
            }
        }
        for (Span name : newNames(sentence, questionWords)) {
            // The opening word is capitalised because it opens the sentence: a name ("Sweden rationed gasoline")
            // unless it is one of the ordinary words sentences open with ("More than 90% of the staff…").
            if (name.start() > 0 || !OPENERS.contains(sentence.substring(name.start(), name.end()).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Ordinary words that open sentences, beyond {@link #FUNCTION_WORDS}: capitalised there, yet no name. */
    private static final Set<String> OPENERS = Set.of("more", "less", "few", "several", "each", "every", "other",
            "such", "only", "even", "just", "still", "then", "now", "today", "yesterday", "last", "next", "first",
            "later", "earlier", "despite", "although", "though", "since", "during", "instead", "not", "no", "under",
            "over", "among", "between", "through", "until", "much", "according", "unlike", "like", "because", "once",
            "nearly", "almost", "about", "around", "into", "within", "without", "unless", "whether",
            "thus", "indeed", "further", "furthermore", "moreover", "finally", "similarly", "previously", "currently",
            "recently", "eventually", "initially", "originally", "another", "any", "either", "neither", "none",
            "nothing", "everything", "everyone", "someone");

    /**
     * Whether a sentence supplies an answer of this kind ({@link #suppliedBy}) and whether near the question's
     * words ({@link #suppliedNear}).
     */
    public record Supply(boolean supplied, boolean near) {
    }

    /**
     * {@link #suppliedBy} and {@link #suppliedNear} together, from one pass of the answer patterns over the
     * sentence (the ranker reads both for every candidate sentence).
     */
    public Supply supply(String sentence, Set<String> questionWords) {
        List<Span> spans = spans(sentence, questionWords);
        return new Supply(suppliedBy(sentence, spans, questionWords), near(sentence, spans, questionWords));
    }

    /**
     * Where {@code sentence} supplies an answer of this kind that is not one of {@code questionWords}: character
     * ranges into the sentence, in order, with hits separated only by spaces merged ("28 million", "Voice
     * America"). A reason runs from its connective to the end of its clause ("because the price rose").
     * Empty for {@link #OTHER}. These are the words a reader's eye should land on; they decide nothing.
     */
    public List<Span> spans(String sentence, Set<String> questionWords) {
        List<Span> hits = switch (this) {
            case NUMBER -> newHits(S_NUMBER.matcher(sentence), 0, questionWords).stream()
                    .filter(h -> !inName(sentence, h) && !countsPart(sentence, h, questionWords)).toList();
            case DATE -> newHits(S_DATE.matcher(sentence), 0, questionWords).stream()
                    .map(h -> new Span(dayBefore(sentence, h.start()), h.end())).toList();
            case NAME -> newNames(sentence, questionWords);
            case PLACE -> newHits(S_PLACE.matcher(sentence), 3, questionWords);
            case REASON -> newHits(S_REASON.matcher(sentence), 0, questionWords).stream()
                    .map(h -> new Span(h.start(), clauseEnd(sentence, h.end()))).toList();
            case OTHER -> List.of();
        };
        return merge(sentence, hits);
    }

    /** How far (characters) from a question word an answer of the asked-for kind still counts as near it. */
    static final int NEAR = 30;

    /**
     * True when {@code sentence} supplies an answer of this kind (see {@link #spans}) within {@link #NEAR}
     * characters of one of the question's content words: "…now has 28 million users" for "How many users does
     * Skype have?", not a number elsewhere in a sentence about something else. A content word matches by its
     * first five letters ("users" finds "user's"), so plain inflections count.
     */
    public boolean suppliedNear(String sentence, Set<String> questionWords) {
        return near(sentence, spans(sentence, questionWords), questionWords);
    }

    /** {@link #suppliedNear} given the sentence's {@link #spans}. */
    private static boolean near(String sentence, List<Span> spans, Set<String> questionWords) {
        if (spans.isEmpty()) {
            return false;
        }
        for (Span word : questionWordsIn(sentence, questionWords)) {
            for (Span s : spans) {
                if (near(word, s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The {@link #spans} a reader's eye should land on: those with the most occurrences of the question's content
     * words within {@link #NEAR} characters ("Wang Xiaohong, minister of public security, …" for "Who is the
     * Chinese minister of public security?", not the other names the sentence goes on to mention). All spans when
     * no question word stands near any.
     */
    public List<Span> focus(String sentence, Set<String> questionWords) {
        List<Span> spans = spans(sentence, questionWords);
        if (spans.size() < 2) {
            return spans;
        }
        List<Span> words = questionWordsIn(sentence, questionWords);
        int[] near = new int[spans.size()];
        int most = 0;
        for (int i = 0; i < spans.size(); i++) {
            for (Span word : words) {
                if (near(word, spans.get(i))) {
                    near[i]++;
                }
            }
            most = Math.max(most, near[i]);
        }
        if (most == 0) {
            return spans;
        }
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (near[i] == most) {
                out.add(spans.get(i));
            }
        }
        return out;
    }

    /** A question word within {@link #NEAR} characters of an answer span, and not inside it. */
    private static boolean near(Span word, Span answer) {
        return word.end() >= answer.start() - NEAR && word.start() <= answer.end() + NEAR
                && !(word.start() >= answer.start() && word.end() <= answer.end());
    }

    /**
     * Where the question's content words occur in {@code sentence}: each matched by its first five letters at the
     * start of a word ("users" finds "user's"), so plain inflections count.
     */
    private static List<Span> questionWordsIn(String sentence, Set<String> questionWords) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        List<Span> out = new ArrayList<>();
        for (String w : questionWords) {
            if (w.length() < 3 || FUNCTION_WORDS.contains(w) || QUESTION_FORMS.contains(w)) {
                continue;
            }
            String stem = w.length() > 5 ? w.substring(0, 5) : w;
            for (int at = lower.indexOf(stem); at >= 0; at = lower.indexOf(stem, at + 1)) {
                if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) { // not inside another word
                    out.add(new Span(at, at + stem.length()));
                }
            }
        }
        return out;
    }

    /** Words that shape a question rather than name its topic. */
    private static final Set<String> QUESTION_FORMS = Set.of("is", "was", "are", "were", "did", "does", "do", "has",
            "have", "had", "many", "much", "long", "what", "which", "who", "whom", "whose", "when", "where", "why",
            "how", "name", "called", "type", "kind");

    /**
     * True when a number word is part of a name: capitalised inside the sentence, beside another capitalised word
     * ("BBC1, Five Live and this website", "Formula One", "World War Two"). At the opening it is an ordinary
     * capital ("Five people were hurt").
     */
    static boolean inName(String sentence, Span hit) {
        if (!Character.isUpperCase(sentence.charAt(hit.start())) || !Character.isLetter(sentence.charAt(hit.start()))) {
            return false;
        }
        String before = sentence.substring(0, hit.start());
        if (before.chars().noneMatch(Character::isLetterOrDigit)) {
            return false; // the sentence's first word
        }
        Matcher previous = LAST_WORD.matcher(before);
        Matcher next = FIRST_WORD.matcher(sentence.substring(hit.end()));
        return previous.find() && Character.isUpperCase(previous.group(1).charAt(0))
                || next.find() && Character.isUpperCase(next.group(1).charAt(0));
    }

    /** Words after a number that make it count some beyond others ("three other nominations", "two more goals"). */
    private static final Set<String> BEYOND = Set.of("other", "others", "more", "further", "additional", "extra");

    /**
     * True when a number counts only some beyond others — followed by "other", "more", "further", "additional"
     * or "extra" — and the question does not ask about those: "The film's three other Oscar nominations are for…"
     * does not say how many nominations the film received.
     */
    static boolean countsPart(String sentence, Span hit, Set<String> questionWords) {
        Matcher next = FIRST_WORD.matcher(sentence.substring(hit.end()));
        if (!next.find()) {
            return false;
        }
        String word = next.group(1).toLowerCase(Locale.ROOT);
        return BEYOND.contains(word) && !questionWords.contains(word);
    }

    /** The last word before a position, with nothing but spaces after it; the first word after one. */
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}[\\p{L}\\p{N}]*)\\s+$");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s+(\\p{L}[\\p{L}\\p{N}]*)");

    private static List<Span> newHits(Matcher m, int group, Set<String> questionWords) {
        List<Span> out = new ArrayList<>();
        while (m.find()) {
            String hit = TRAILING_PUNCTUATION.matcher(m.group(group).toLowerCase(Locale.ROOT)).replaceAll("");
            if (!questionWords.containsAll(words(hit))) {
                int end = m.end(group);
                // a trailing comma or full stop is punctuation, not part of the number
                while (end > m.start(group) + 1 && ",.".indexOf(m.group(group).charAt(end - 1 - m.start(group))) >= 0) {
                    end--;
                }
                out.add(new Span(m.start(group), end));
            }
        }
        return out;
    }

    private static List<Span> newNames(String sentence, Set<String> questionWords) {
        List<Span> out = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(sentence);
        while (m.find()) {
            String w = TRAILING_STOP.matcher(POSSESSIVE.matcher(m.group().toLowerCase(Locale.ROOT)).replaceAll(""))
                    .replaceAll("");
            if (m.start() == 0 && FUNCTION_WORDS.contains(w)) {
                continue;
            }
            if (!FUNCTION_WORDS.contains(w) && !questionWords.containsAll(words(w))) {
                out.add(new Span(m.start(), m.end()));
            }
        }
        return out;
    }

    /** Where a day number right before a month name starts ("4 March"), else {@code monthStart}. */
    private static int dayBefore(String sentence, int monthStart) {
        Matcher m = DAY.matcher(sentence.substring(0, monthStart));
        return m.find() ? m.start() : monthStart;
    }

    /** The end of the clause that starts before {@code from}: the next comma, semicolon, colon or full stop. */
    private static int clauseEnd(String sentence, int from) {
        for (int i = from; i < sentence.length(); i++) {
            if (",;:".indexOf(sentence.charAt(i)) >= 0
                    || (sentence.charAt(i) == '.' && (i + 1 == sentence.length() || Character.isWhitespace(sentence.charAt(i + 1))))) {
                return i;
            }
        }
        return sentence.length();
    }

    /** Sorted, with overlapping spans and spans separated only by whitespace joined. */
    private static List<Span> merge(String sentence, List<Span> hits) {
        List<Span> sorted = new ArrayList<>(hits);
        sorted.sort(java.util.Comparator.comparingInt(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span h : sorted) {
            if (!out.isEmpty()) {
                Span last = out.getLast();
                if (h.start() <= last.end() || sentence.substring(last.end(), h.start()).isBlank()) {
                    out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), h.end())));
                    continue;
                }
            }
            out.add(h);
        }
        return out;
    }
}
