package io.footnote.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw article into the text Footnote cites: line endings normalised, a leading inline
 * {@code date YYYY-MM-DD} marker lifted into metadata, and trailing site boilerplate (author contact lines,
 * comment policies, subscription and copyright notices) cut off, because those are not article content and
 * must never be cited. Only whole trailing lines are removed, so every remaining character keeps its place
 * relative to the others.
 */
public final class ArticleCleaner {

    /** The article text to index, and the date found in it, if any. */
    public record Cleaned(String text, LocalDate date) {
    }

    private static final Pattern LEADING_DATE =
            Pattern.compile("\\A\\s*date[:\\s]\\s*(\\d{4}-\\d{2}-\\d{2})\\s+", Pattern.CASE_INSENSITIVE);

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    /** Lines a news site appends after the article; matched case-insensitively against a trailing line. */
    private static final List<Pattern> BOILERPLATE = List.of(
            Pattern.compile("\\bcan be (reached|contacted|emailed) at\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\W*(please )?read our comment(ing)? polic(y|ies)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\W*(click here|sign up|subscribe|follow us|share this|related:|advertisement\\s*$)",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\W*(copyright|©|\\(c\\))\\s", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\ball rights reserved\\b", Pattern.CASE_INSENSITIVE));

    /** A boilerplate line is short; a long paragraph that merely mentions a policy is content. */
    private static final int MAX_BOILERPLATE_LINE = 300;

    public Cleaned clean(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        LocalDate date = null;
        Matcher m = LEADING_DATE.matcher(text);
        if (m.find()) {
            try {
                date = LocalDate.parse(m.group(1));
                text = text.substring(m.end());
            } catch (DateTimeParseException notADate) {
                // "date 2025-13-45" is not a date marker; leave the text as written.
            }
        }
        text = stripTrailingBoilerplate(text);
        return new Cleaned(text.strip(), date);
    }

    private static String stripTrailingBoilerplate(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1).strip();
            if (last.isEmpty() || isBoilerplate(last)) {
                lines.remove(lines.size() - 1);
            } else {
                break;
            }
        }
        return String.join("\n", lines);
    }

    static boolean isBoilerplate(String line) {
        if (line.length() > MAX_BOILERPLATE_LINE) {
            return false;
        }
        if (EMAIL.matcher(line).find() && line.split("\\s+").length <= 15) {
            return true;
        }
        for (Pattern p : BOILERPLATE) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}
