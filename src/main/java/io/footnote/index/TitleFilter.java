package io.footnote.index;

import java.util.Locale;

/**
 * The listing's title filter, one definition for every backend: a title matches when it contains the
 * requested text ignoring case, and a blank request matches every title. Backends that filter in their index
 * match a lower-cased whole-title keyword against {@link #wildcard} of {@link #needle}.
 */
final class TitleFilter {

    private TitleFilter() {
    }

    /** What a title must contain, lower-cased and stripped; empty (match all) for null or blank. */
    static String needle(String titleContains) {
        return titleContains == null ? "" : titleContains.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code title} contains {@code needle} (a {@link #needle}), ignoring case. */
    static boolean matches(String title, String needle) {
        return needle.isEmpty() || title.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * The wildcard pattern (Lucene's syntax, which OpenSearch's {@code wildcard} query shares) matching any
     * keyword that contains {@code needle} literally: its {@code *}, {@code ?} and {@code \} are escaped.
     */
    static String wildcard(String needle) {
        StringBuilder out = new StringBuilder(needle.length() + 2).append('*');
        for (char c : needle.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('*').toString();
    }
}
