package io.footnote.cite;

import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a model's answer, given whole or piece by piece as it streams, into sentences whose citation markers
 * are checked and renumbered.
 *
 * <p>The model numbers its sources {@code 1..sourceCount}. Every marker form {@link Markers} knows is
 * rewritten as {@code [n]} where {@code n} counts sources in order of first use; a number naming no source is
 * removed and counted. A marker the model put after the full stop ("… China. [2] Next …") belongs to the
 * sentence before it.
 *
 * <p>Text is released one finished sentence at a time: a sentence is finished once the next one has begun
 * (so markers trailing it have arrived). The released pieces, concatenated, are exactly {@link #text()}; the
 * whitespace between sentences (line breaks included) is kept. Not thread-safe: one builder per answer.
 */
public final class CitedAnswerBuilder {

    /**
     * One sentence of the answer.
     *
     * @param text        as shown in the answer, markers renumbered
     * @param plain       without markers: the claim that is verified
     * @param citationIds the renumbered citations it carries, in order
     * @param meta        true for a sentence that claims nothing about the world (a lead-in ending in a colon,
     *                    or a remark that the sources do not say something), which needs no citation
     */
    public record Claim(String text, String plain, List<Integer> citationIds, boolean meta) {
    }

    /** Remarks about the sources themselves, which are not claims that need a source. */
    private static final Pattern META = Pattern.compile("(?i)\\b(the |these |provided )?(sources?|articles?|documents?|"
            + "excerpts?|texts?)\\b.{0,40}\\b(do not|don't|does not|doesn't|did not|didn't|not|no|never)\\b.{0,30}"
            + "\\b(say|state|mention|specify|answer|cover|contain|include|provide|give|discuss|address|information|detail)");

    /** True for a sentence without citations that claims nothing about the world (see {@link Claim#meta()}). */
    static boolean isRemark(String plain) {
        return plain.endsWith(":") || META.matcher(plain).find();
    }

    private final Function<String, List<Sentence>> splitter;
    private final int sourceCount;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();
    private final List<Integer> sourceOfId = new ArrayList<>();
    private final Map<Integer, Integer> idOfSource = new HashMap<>();
    private final List<Claim> claims = new ArrayList<>();
    private String separator = "";
    private String dropped = "";
    private int removedMarkers;
    private boolean finished;

    /**
     * @param splitter    sentence splitter for the answer text (offsets exclude surrounding whitespace)
     * @param sourceCount how many numbered sources the model was given
     */
    public CitedAnswerBuilder(Function<String, List<Sentence>> splitter, int sourceCount) {
        this.splitter = splitter;
        this.sourceCount = sourceCount;
    }

    /** Adds model text; returns the text released by it (finished sentences), possibly empty. */
    public String append(String delta) {
        if (finished) {
            throw new IllegalStateException("answer already finished");
        }
        if (delta == null || delta.isEmpty()) {
            return "";
        }
        pending.append(delta);
        return drain(false);
    }

    /**
     * Ends the answer and returns the text released by ending it.
     *
     * @param complete true when the model ended normally; false when it was cut off (token limit), in which
     *                 case the unfinished last sentence is dropped ({@link #dropped()}) rather than shown
     */
    public String finish(boolean complete) {
        if (finished) {
            return "";
        }
        String out = drain(complete);
        if (!complete) {
            dropped = pending.toString().strip();
            pending.setLength(0);
        }
        finished = true;
        return out;
    }

    /** The answer text released so far; after {@link #finish}, the whole answer. */
    public String text() {
        return shown.toString();
    }

    public List<Claim> claims() {
        return List.copyOf(claims);
    }

    /** For each citation id (index + 1), the 1-based number of the source the model cited. */
    public List<Integer> sourceNumbers() {
        return List.copyOf(sourceOfId);
    }

    /** How many cited numbers named no source and were removed. */
    public int removedMarkers() {
        return removedMarkers;
    }

    /** The unfinished sentence dropped when the answer was cut off, else empty. */
    public String dropped() {
        return dropped;
    }

    private String drain(boolean end) {
        StringBuilder released = new StringBuilder();
        while (true) {
            String buf = pending.toString();
            List<Sentence> spans = splitter.apply(buf);
            if (spans.isEmpty()) {
                if (end) {
                    pending.setLength(0);
                }
                return released.toString();
            }
            int contentStart = -1;
            for (int i = 1; i < spans.size() && contentStart < 0; i++) {
                int p = skipMarkers(buf, spans.get(i).start(), spans.get(i).end());
                if (p < spans.get(i).end()) {
                    if (!end && Markers.couldBeUnfinishedMarker(buf, p)) {
                        return released.toString(); // "[1" may yet close and belong to the sentence before
                    }
                    contentStart = p;
                }
            }
            int sentenceEnd;
            if (contentStart >= 0) {
                sentenceEnd = contentStart;
            } else if (end) {
                sentenceEnd = buf.length();
            } else {
                return released.toString();
            }
            String raw = buf.substring(spans.get(0).start(), sentenceEnd);
            String body = raw.stripTrailing();
            String piece = sentence(body);
            if (!piece.isEmpty()) {
                String out = (shown.isEmpty() ? "" : separator) + piece;
                shown.append(out);
                released.append(out);
                separator = raw.substring(body.length());
                if (separator.isEmpty()) {
                    separator = " ";
                }
            }
            pending.delete(0, sentenceEnd);
        }
    }

    /** Position after the markers (and whitespace between them) that open {@code buf[from, to)}. */
    private static int skipMarkers(String buf, int from, int to) {
        int p = from;
        while (p < to) {
            while (p < to && Character.isWhitespace(buf.charAt(p))) {
                p++;
            }
            Markers.Marker m = p < to ? Markers.at(buf, p) : null;
            if (m == null) {
                break;
            }
            p = m.end();
        }
        while (p < to && Character.isWhitespace(buf.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Renumbers the markers of one sentence, records it as a claim and returns its text as shown. */
    private String sentence(String raw) {
        List<Markers.Marker> markers = Markers.find(raw);
        StringBuilder out = new StringBuilder();
        List<Integer> ids = new ArrayList<>();
        int last = 0;
        for (Markers.Marker m : markers) {
            String before = raw.substring(last, m.start());
            StringBuilder group = new StringBuilder();
            for (int n : m.numbers()) {
                if (n < 1 || n > sourceCount) {
                    removedMarkers++;
                    continue;
                }
                int id = idOfSource.computeIfAbsent(n, k -> {
                    sourceOfId.add(k);
                    return sourceOfId.size();
                });
                if (!ids.contains(id)) {
                    ids.add(id);
                    group.append('[').append(id).append(']');
                }
            }
            if (group.isEmpty()) {
                out.append(before.stripTrailing());
            } else {
                out.append(before).append(group);
            }
            last = m.end();
        }
        String rest = raw.substring(last);
        if (!rest.isEmpty() && out.length() > 0 && !Character.isWhitespace(rest.charAt(0))
                && Character.isLetterOrDigit(rest.charAt(0)) && out.charAt(out.length() - 1) == ']') {
            out.append(' ');
        }
        out.append(rest);
        String text = out.toString().strip();
        String plain = Markers.strip(raw);
        if (text.isEmpty() || plain.chars().noneMatch(Character::isLetterOrDigit) && ids.isEmpty()) {
            return text;
        }
        boolean meta = ids.isEmpty() && (plain.endsWith(":") || META.matcher(plain).find());
        claims.add(new Claim(text, plain, List.copyOf(ids), meta));
        return text;
    }
}
