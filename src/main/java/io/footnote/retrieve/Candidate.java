package io.footnote.retrieve;

/**
 * A candidate sentence and the signals the ranker weighs, before they are combined into one score.
 *
 * @param documentId     article of the sentence
 * @param sentenceIndex  position of the sentence in the article
 * @param similarity     cosine similarity of question and sentence embeddings
 * @param overlap        share of the question's content-term weight (IDF) found in the sentence
 * @param context        fused score of the best chunk holding the sentence, relative to the best chunk
 * @param typeMatch      the sentence holds the kind of answer the question asks for (a number, a date)
 * @param bigrams        share of the question's adjacent content-term pairs that stand adjacent in the sentence
 */
public record Candidate(String documentId, int sentenceIndex, double similarity, double overlap,
                        double context, boolean typeMatch, double bigrams) {
}
