package io.footnote.answer;

import io.footnote.domain.Document;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The articles one question touches, each looked up at most once.
 *
 * <p>Contract: the first lookup of an id asks the index; every later lookup of it, for the same question,
 * returns the same result. So the steps of one answer (citing, checking citations, listing related passages)
 * agree on which articles exist even while the index changes: an article deleted midway is absent for all of
 * them or for none. Not thread-safe: one question is checked on one thread.
 */
final class QuestionArticles {

    private final Function<String, Optional<Document>> index;
    private final Map<String, Optional<Document>> seen = new HashMap<>();

    QuestionArticles(Function<String, Optional<Document>> index) {
        this.index = index;
    }

    /** The article stored under {@code id} when this question first asked for it; empty when it was absent. */
    Optional<Document> find(String id) {
        return seen.computeIfAbsent(id, index);
    }
}
