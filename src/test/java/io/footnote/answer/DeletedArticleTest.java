package io.footnote.answer;

import io.footnote.cite.ClaimVerifier;
import io.footnote.cite.SupportScorer;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.domain.Sentence;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.retrieve.Retrieval;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An article deleted while a question is answered (another node's ingest on a shared OpenSearch index) is
 * skipped: its citations are dropped, and an answer left citing nothing declines instead of failing.
 */
class DeletedArticleTest {

    private static final String TEXT = "Alpha signed the treaty in May. Alpha returned home in June.";

    private final Map<String, Document> index = new ConcurrentHashMap<>();
    private final Map<String, Integer> lookups = new HashMap<>();

    private static Document article(String id) {
        return new Document(id, "Title " + id, null, TEXT, List.of(new Sentence(0, 0, 31), new Sentence(1, 32, 60)),
                id + ".txt", "hash-" + id);
    }

    private static ScoredSentence sentence(String id, int i, double score) {
        Document d = article(id);
        Sentence s = d.sentences().get(i);
        return new ScoredSentence(id, i, s.start(), s.end(), d.sentenceText(i), score, score, score);
    }

    /** A service over {@link #index} whose retrieval finds {@code found}, then sees {@code deleted} removed. */
    private AnswerService service(List<ScoredSentence> found, List<String> deleted) {
        return AnswerService.builder()
                .retriever((query, k) -> {
                    deleted.forEach(index::remove);
                    return new Retrieval(query, List.of(), found, 0.9);
                })
                .answerer(new ExtractiveAnswerer(3, 0.1, 0.5))
                .documents(id -> {
                    lookups.merge(id, 1, Integer::sum);
                    return Optional.ofNullable(index.get(id));
                })
                .splitter(new SentenceSplitter()::split)
                .claims(new ClaimVerifier(new SupportScorer(text -> new float[]{1, 0}), 0.5))
                .limits(new AnswerService.Limits(500, 10, 5, 20))
                .build();
    }

    @Test
    void given_the_only_cited_article_deleted_while_answering_when_asked_then_the_answer_declines() {
        index.put("a", article("a"));
        AnswerService answers = service(List.of(sentence("a", 0, 0.9)), List.of("a"));

        Answer answer = answers.ask("When did Alpha sign the treaty?", List.of(), null);

        assertTrue(answer.abstained());
        assertEquals(ExtractiveAnswerer.ABSTENTION, answer.answer());
        assertTrue(answer.citations().isEmpty());
        assertTrue(answer.related().isEmpty(), "a deleted article is not offered as related either");
        assertTrue(answer.notice().contains("removed from the index"), answer.notice());
    }

    @Test
    void given_one_of_two_cited_articles_deleted_when_asked_then_only_the_other_is_cited() {
        index.put("a", article("a"));
        index.put("b", article("b"));
        AnswerService answers = service(List.of(sentence("a", 0, 0.9), sentence("b", 1, 0.8)), List.of("b"));

        Answer answer = answers.ask("When did Alpha sign the treaty?", List.of(), null);

        assertFalse(answer.abstained());
        assertEquals(List.of("a"), answer.citations().stream().map(c -> c.documentId()).toList());
        assertTrue(answer.notice().contains("1 cited article(s) were removed"), answer.notice());
    }

    @Test
    void given_a_question_citing_one_article_twice_when_asked_then_the_article_is_looked_up_once() {
        index.put("a", article("a"));
        AnswerService answers = service(List.of(sentence("a", 0, 0.9), sentence("a", 1, 0.8)), List.of());

        Answer answer = answers.ask("What did Alpha do?", List.of(), null);

        assertEquals(2, answer.citations().size());
        assertEquals(Map.of("a", 1), lookups);
    }

    @Test
    void given_a_streamed_answer_whose_articles_are_deleted_when_asked_then_the_text_is_reset_to_the_decline() {
        index.put("a", article("a"));
        AnswerService answers = service(List.of(sentence("a", 0, 0.9)), List.of("a"));
        List<String> pieces = new ArrayList<>();
        List<String> resets = new ArrayList<>();

        Answer answer = answers.stream("When did Alpha sign the treaty?", List.of(), null, new AnswerService.Listener() {
            @Override
            public void text(String piece) {
                pieces.add(piece);
            }

            @Override
            public void reset(String reason) {
                resets.add(reason);
                pieces.clear();
            }
        });

        assertEquals(1, resets.size());
        assertEquals(answer.answer(), String.join("", pieces));
        assertTrue(answer.abstained());
    }
}
