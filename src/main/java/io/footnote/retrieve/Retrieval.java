package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;

import java.util.List;

/**
 * What retrieval found for one question: the fused chunks, their sentences ranked best first, and how likely
 * it is that the best sentence (with its neighbours) answers the question ({@link Answerability}).
 *
 * @param answerability calibrated probability in [0, 1] that the articles answer the question
 */
public record Retrieval(String query, List<FusedChunk> chunks, List<ScoredSentence> sentences, double answerability) {

    /** A retrieval whose answerability is unknown: taken as its best sentence's score. */
    public Retrieval(String query, List<FusedChunk> chunks, List<ScoredSentence> sentences) {
        this(query, chunks, sentences, sentences.isEmpty() ? 0 : sentences.getFirst().score());
    }
}
