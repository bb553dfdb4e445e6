package io.footnote.ingest;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences with character offsets, using ICU's sentence BreakIterator with the
 * {@code ss=standard} suppressions so abbreviations such as "U.S." and "Mr." do not end a sentence.
 * A line break always ends a sentence (ICU treats it as a paragraph separator), which keeps headlines and
 * one-sentence-per-line articles apart. Offsets exclude surrounding whitespace.
 */
public final class SentenceSplitter {

    private static final ULocale LOCALE = new ULocale("en_US@ss=standard");

    /** "U.S.", "U.K.", "Mr.", "Dr." and the like, standing alone. */
    private static final java.util.regex.Pattern LONE_ABBREVIATION = java.util.regex.Pattern.compile(
            "[“\"‘']?(?:\\p{L}\\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Jr|Sr|No|Vol)\\.");

    public List<Sentence> split(String text) {
        // BreakIterator instances are not thread-safe and cheap to clone from the cached prototype.
        BreakIterator it = BreakIterator.getSentenceInstance(LOCALE);
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
                if (!sentences.isEmpty() && isLoneAbbreviation(text, sentences.get(sentences.size() - 1))
                        && text.substring(sentences.get(sentences.size() - 1).end(), s).indexOf('\n') < 0) {
                    // ICU broke after an abbreviation that opens a sentence ("U.S. Immigration and ..."):
                    // a fragment that is only an abbreviation belongs to the sentence after it.
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
