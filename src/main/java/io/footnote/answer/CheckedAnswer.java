package io.footnote.answer;

import io.footnote.cite.Citation;

import java.util.ArrayList;
import java.util.List;

/**
 * What one answerer produced, after its citations were checked: the answer to show, short of the question,
 * the timings and the related passages, which {@link AnswerService} adds.
 *
 * @param text              the answer text with renumbered markers (or the answerer's decline)
 * @param mode              the answerer's mode
 * @param abstained         true when the answer declines; then nothing is cited
 * @param citations         the citations that resolved exactly to their source sentence
 * @param unsupportedClaims answer sentences no citation backs
 * @param supportedClaims   how many answer sentences a citation backs
 * @param removedMarkers    markers that named no source and were removed
 * @param notices           messages for the reader, in order
 * @param verifyNanos       time spent checking the citations
 */
record CheckedAnswer(String text, String mode, boolean abstained, List<Citation> citations,
                     List<String> unsupportedClaims, int supportedClaims, int removedMarkers, List<String> notices,
                     long verifyNanos) {

    CheckedAnswer {
        citations = List.copyOf(citations);
        unsupportedClaims = List.copyOf(unsupportedClaims);
        notices = List.copyOf(notices);
    }

    /** A declined answer: {@code text} says so, nothing is cited. */
    static CheckedAnswer declined(String text, String mode, List<String> notices) {
        return new CheckedAnswer(text, mode, true, List.of(), List.of(), 0, 0, notices, 0);
    }

    /** This answer with {@code notice} before its other notices. */
    CheckedAnswer withFirstNotice(String notice) {
        List<String> all = new ArrayList<>(notices.size() + 1);
        all.add(notice);
        all.addAll(notices);
        return new CheckedAnswer(text, mode, abstained, citations, unsupportedClaims, supportedClaims, removedMarkers,
                all, verifyNanos);
    }

    /** The notices as one message, or {@code null} when there is none. */
    String notice() {
        return notices.isEmpty() ? null : String.join(" ", notices);
    }
}
