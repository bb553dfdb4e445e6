package io.footnote.cite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the citation markers a language model writes: {@code [2]}, {@code [2, 5]}, {@code [2][5]} (two
 * markers), {@code [2-4]}, {@code 【2】}, {@code [^2]}, {@code [Source 2]}. Brackets without a number
 * ("[People's Republic of China]") are text, not markers.
 */
public final class Markers {

    /** One marker in a text: where it is and the source numbers it names, in order, without repeats. */
    public record Marker(int start, int end, List<Integer> numbers) {
    }

    private static final String NUM = "(?:sources?|src|s|ref)?\\s*#?\\d{1,4}";
    private static final Pattern MARKER = Pattern.compile(
            "[\\[【]\\s*\\^?\\s*(" + NUM + "(?:\\s*(?:,|;|-|–|and|&)\\s*" + NUM + ")*)\\s*[\\]】]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d{1,4})(?:\\s*[-–]\\s*(?:sources?|src|s|ref)?\\s*#?(\\d{1,4}))?",
            Pattern.CASE_INSENSITIVE);
    /** A range wider than this is not expanded (a model does not cite 1–300). */
    private static final int MAX_RANGE = 20;

    private Markers() {
    }

    public static List<Marker> find(CharSequence text) {
        List<Marker> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            out.add(new Marker(m.start(), m.end(), numbers(m.group(1))));
        }
        return out;
    }

    /** The marker that starts exactly at {@code from}, or null. */
    static Marker at(CharSequence text, int from) {
        Matcher m = MARKER.matcher(text);
        m.region(from, text.length());
        return m.lookingAt() ? new Marker(m.start(), m.end(), numbers(m.group(1))) : null;
    }

    /** True when {@code text} from {@code from} could still become a marker once more text arrives. */
    static boolean couldBeUnfinishedMarker(CharSequence text, int from) {
        if (from >= text.length() || (text.charAt(from) != '[' && text.charAt(from) != '【')) {
            return false;
        }
        for (int i = from + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ']' || c == '】') {
                return false;
            }
            if (i - from > 40) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} with every marker removed and whitespace before punctuation and runs of spaces tidied. */
    public static String strip(String text) {
        String s = MARKER.matcher(text).replaceAll("");
        return s.replaceAll("[ \\t]+([.,;:!?])", "$1").replaceAll("\\s+", " ").strip();
    }

    private static List<Integer> numbers(String group) {
        Set<Integer> out = new LinkedHashSet<>();
        Matcher m = NUMBER_OR_RANGE.matcher(group);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            if (m.group(2) != null) {
                int b = Integer.parseInt(m.group(2));
                if (b >= a && b - a <= MAX_RANGE) {
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                    continue;
                }
                out.add(a);
                out.add(b);
            } else {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }
}
