package io.footnote.retrieve;

/**
 * A candidate sentence and the signals the ranker weighs, before they are combined into one score.
 *
 * @param documentId     article of the sentence
 * @param sentenceIndex  position of the sentence in the article
 * @param similarity     cosine similarity of question and sentence embeddings
 * @param overlap        share of the question's content-term weight (IDF) found in the sentence, or in its
 *                       article's title (the subject each of its sentences speaks of, named or not)
 * @param context        fused score of the best chunk holding the sentence, relative to the best chunk
 * @param typeMatch      the sentence supplies the kind of answer the question asks for ({@link AnswerType}) in
 *                       words the question does not already use
 * @param bigrams        share of the question's adjacent content-term pairs that stand adjacent in the sentence
 * @param novelty        share of the sentence's distinct content terms that are not in the question (0 = an echo)
 * @param neighbour      the highest {@code overlap} of the sentences just before and after it in the article:
 *                       a strong echo next door often introduces the answer this sentence gives
 * @param rareCoverage   like {@code overlap} with IDF squared as the weight, over the sentence and its two
 *                       neighbours: the question's rare terms ("Australia", "capital") must all be there
 * @param cues           what says whether it answers rather than echoes ({@link SentenceRanker})
 */
public record Candidate(String documentId, int sentenceIndex, double similarity, double overlap,
                        double context, boolean typeMatch, double bigrams, double novelty, double neighbour,
                        double rareCoverage, AnswerCues cues) {

    /** A candidate without {@link AnswerCues} (their absence ranks it as a sentence with no names or numbers). */
    public Candidate(String documentId, int sentenceIndex, double similarity, double overlap, double context,
                     boolean typeMatch, double bigrams, double novelty, double neighbour, double rareCoverage) {
        this(documentId, sentenceIndex, similarity, overlap, context, typeMatch, bigrams, novelty, neighbour,
                rareCoverage, AnswerCues.NONE);
    }

    /** This candidate with another overlap (its own words', without its article's title). */
    Candidate withOverlap(double other) {
        return new Candidate(documentId, sentenceIndex, similarity, other, context, typeMatch, bigrams, novelty, neighbour,
                rareCoverage, cues);
    }

    /** This candidate with another similarity (a follow-up's answerability is judged on the question in context). */
    Candidate withSimilarity(double other) {
        return new Candidate(documentId, sentenceIndex, other, overlap, context, typeMatch, bigrams, novelty, neighbour,
                rareCoverage, cues);
    }
}
