package io.footnote.retrieve;

/**
 * Finds the sentences of the corpus that best answer a question.
 */
public interface SentenceRetriever {

    /**
     * @param query a standalone question (follow-ups already rewritten)
     * @param topK  how many fused chunks to draw candidate sentences from
     * @return the candidate sentences, best first, each scored in [0, 1]; never {@code null}
     */
    Retrieval retrieve(String query, int topK);
}
