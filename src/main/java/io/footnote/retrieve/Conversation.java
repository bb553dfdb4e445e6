package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a follow-up question leans on besides its own words: the articles the conversation's previous question
 * was answered from. "How much is it spending?" after "Which German company did Novartis
 * buy?" is about the article that answered the first question; a retriever ranks that article's sentences as on
 * the conversation's subject and reads them all, even those the follow-up's own words did not find.
 *
 * @param articles ids of the articles the previous question was answered from (its first-ranked sentence's
 *                 article, and any article that repeats that sentence word for word); empty when unknown
 */
public record Conversation(Set<String> articles) {

    /** No conversation: a question asked on its own. */
    public static final Conversation NONE = new Conversation(Set.of());

    public Conversation {
        articles = Set.copyOf(articles);
    }

    /**
     * The conversation after a previous question retrieved as {@code found}: the article of its first-ranked
     * sentence, with the articles that repeat that sentence (a story filed twice).
     */
    public static Conversation after(Retrieval found) {
        if (found.sentences().isEmpty()) {
            return NONE;
        }
        ScoredSentence first = found.sentences().getFirst();
        Set<String> ids = new LinkedHashSet<>();
        for (ScoredSentence s : found.sentences()) {
            if (s.text().equals(first.text())) {
                ids.add(s.documentId());
            }
        }
        return new Conversation(ids);
    }

    /** True when there is an article to lean on. */
    public boolean known() {
        return !articles.isEmpty();
    }
}
