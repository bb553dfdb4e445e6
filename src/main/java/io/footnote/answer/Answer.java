package io.footnote.answer;

import io.footnote.cite.Citation;

import java.util.List;

/**
 * The service's reply to a question.
 *
 * @param question          the question as asked
 * @param rewrittenQuestion the standalone question used for retrieval when a follow-up was rewritten, else null
 * @param answer            the answer text, with a {@code [n]} marker after each cited claim
 * @param mode              {@code extractive}, or the name of the language model that wrote the answer
 * @param abstained         true when the sources do not answer the question (then nothing is cited)
 * @param citations         the cited sentences, numbered as in the answer text, each with its support verdict
 * @param unsupportedClaims answer sentences (as they appear in {@code answer}) that no citation backs
 * @param removedMarkers    citation numbers the model wrote that named no source and were removed
 * @param notice            a message for the reader (e.g. a fallback), else null
 * @param timings           where the time went
 * @param related           when the answer declines: the closest passages retrieval found, best first, so the
 *                          reader sees what the articles do say (not citations: they do not answer); else empty
 */
public record Answer(String question, String rewrittenQuestion, String answer, String mode, boolean abstained,
                     List<Citation> citations, List<String> unsupportedClaims, int removedMarkers, String notice,
                     Timings timings, List<Related> related) {

    /** A passage close to a declined question: one sentence of an article, where it is, and its score. */
    public record Related(String documentId, String title, int sentenceIndex, int start, int end, String text,
                          double score) {
    }

    /** This answer with {@code extra} added to its notice (after any notice it has). */
    public Answer withNotice(String extra) {
        String joined = notice == null || notice.isBlank() ? extra : notice + " " + extra;
        return new Answer(question, rewrittenQuestion, answer, mode, abstained, citations, unsupportedClaims,
                removedMarkers, joined, timings, related);
    }

    /**
     * Milliseconds spent retrieving and answering; {@code verifyMs}, the part of answering spent checking the
     * citations against their claims and their sources (of the answer shown, after any fallback).
     */
    public record Timings(long retrieveMs, long answerMs, long verifyMs) {
    }
}
