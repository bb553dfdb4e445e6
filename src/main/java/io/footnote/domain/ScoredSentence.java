package io.footnote.domain;

/**
 * A sentence judged for one question: its text, where it is, and how well it answers.
 *
 * @param score   combined relevance in [0, 1]; higher is better
 * @param similarity cosine similarity of question and sentence embeddings
 * @param overlap share of the question's content-word weight (IDF) that the sentence contains
 */
public record ScoredSentence(String documentId, int sentenceIndex, int start, int end, String text,
                             double score, double similarity, double overlap) {
}
