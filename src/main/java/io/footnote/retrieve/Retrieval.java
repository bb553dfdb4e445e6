package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;

import java.util.List;

/**
 * What retrieval found for one question: the fused chunks, their sentences ranked best first, and how likely
 * it is that the best sentence (with its neighbours) answers the question ({@link Answerability}).
 *
 * @param answerability calibrated probability in [0, 1] that the articles answer the question
 * @param likelihood    for each of {@code sentences}, how likely the ranker ({@link SentenceRanker}) finds it to
 *                      hold the answer relative to the best one (1 for the best, in (0, 1]); empty when the
 *                      retriever does not rank that way (the answerer then compares the sentences' scores)
 */
public record Retrieval(String query, List<FusedChunk> chunks, List<ScoredSentence> sentences, double answerability,
                        List<Double> likelihood) {

    public Retrieval {
        likelihood = List.copyOf(likelihood);
        if (!likelihood.isEmpty() && likelihood.size() != sentences.size()) {
            throw new IllegalArgumentException("one likelihood per sentence");
        }
    }

    /** A retrieval without the ranker's likelihoods. */
    public Retrieval(String query, List<FusedChunk> chunks, List<ScoredSentence> sentences, double answerability) {
        this(query, chunks, sentences, answerability, List.of());
    }

    /** A retrieval whose answerability is unknown: taken as its best sentence's score. */
    public Retrieval(String query, List<FusedChunk> chunks, List<ScoredSentence> sentences) {
        this(query, chunks, sentences, sentences.isEmpty() ? 0 : sentences.getFirst().score());
    }
}
