package io.footnote.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short titles for display. An article without a headline gets its first sentence as title, which makes lists
 * of sources and the library read as blocks of bold text; a short title keeps the first clause instead.
 *
 * <p>Contract of {@link #shortTitle}: the result is never blank (the file name stands in when the title is
 * missing), at most {@link #MAX} characters plus an ellipsis, cut only at a word boundary, and a title that
 * already fits is returned unchanged.
 */
public final class Titles {

    /** The longest short title, in characters, before the ellipsis. */
    public static final int MAX = 80;

    /** A clause shorter than this says too little on its own ("Yes," or "In 2024,"): keep more words. */
    private static final int MIN_CLAUSE = 24;

    /**
     * Where a clause ends: a comma, semicolon, colon or dash followed by a space, or a full stop ending a word
     * of two or more letters (so the stops inside "U.S." or "J. Smith" are not taken for a sentence end).
     */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=\\p{L}{2})[.!?](?=\\s)|[,;:](?=\\s)|\\s[—–-]\\s");

    private Titles() {
    }

    /**
     * The title to show in lists.
     *
     * @param title  the article's title as indexed (a headline or its first sentence); may be null or blank
     * @param source the file's path in the corpus, used when the title says nothing; may be null
     */
    public static String shortTitle(String title, String source) {
        String t = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return fromFileName(source);
        }
        if (t.length() <= MAX) {
            return t;
        }
        Matcher m = CLAUSE_END.matcher(t);
        while (m.find()) {
            int end = m.start();
            if (end > MAX) {
                break;
            }
            if (end >= MIN_CLAUSE) {
                return t.substring(0, end).strip();
            }
        }
        return cutAtWord(t);
    }

    private static String cutAtWord(String t) {
        int cut = t.lastIndexOf(' ', MAX);
        String head = cut > MIN_CLAUSE ? t.substring(0, cut) : t.substring(0, MAX);
        return head.replaceAll("[\\s,;:—–-]+$", "") + "…";
    }

    /** "news/harbour-ferry_times.txt" → "Harbour ferry times"; "" or null → "Untitled". */
    static String fromFileName(String source) {
        if (source == null || source.isBlank()) {
            return "Untitled";
        }
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replaceAll("[_\\-]+", " ").strip();
        if (name.isEmpty()) {
            return "Untitled";
        }
        String shortened = name.length() <= MAX ? name : cutAtWord(name);
        return shortened.substring(0, 1).toUpperCase(Locale.ROOT) + shortened.substring(1);
    }
}
