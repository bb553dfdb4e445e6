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

    /**
     * As {@link #retrieve(String, int)}, for a follow-up in {@code conversation}: a retriever that can, ranks
     * the sentences of the articles the conversation's previous question was answered from as on its subject.
     * By default the conversation is ignored.
     */
    default Retrieval retrieve(String query, int topK, Conversation conversation) {
        return retrieve(query, topK);
    }
}
