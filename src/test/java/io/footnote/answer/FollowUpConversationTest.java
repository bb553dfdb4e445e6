package io.footnote.answer;

import io.footnote.cite.ClaimVerifier;
import io.footnote.cite.SupportScorer;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.domain.Sentence;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.retrieve.Conversation;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A follow-up is retrieved in its conversation: the article that answered the user's previous question, found
 * by asking that question again (the client sends the turns' text, not their citations).
 */
class FollowUpConversationTest {

    private static final String HEXAL = "Novartis has bought Hexal. The purchases cost 5.65bn euros.";
    private static final String TREASURY = "The Treasury spends more on schools. It said so on Monday.";
    private static final Map<String, Document> ARTICLES = Map.of("hexal", article("hexal", HEXAL), "treasury", article("treasury", TREASURY));

    private static Document article(String id, String text) {
        int split = text.indexOf(". ") + 1;
        return new Document(id, "Title " + id, null, text, List.of(new Sentence(0, 0, split), new Sentence(1, split + 1, text.length())),
                id + ".txt", "hash-" + id);
    }

    private static ScoredSentence sentence(String id, int i) {
        Document d = ARTICLES.get(id);
        Sentence s = d.sentences().get(i);
        return new ScoredSentence(id, i, s.start(), s.end(), d.sentenceText(i), 0.9, 0.9, 0.9);
    }

    /** Records each retrieval's query and conversation; the previous question finds the purchase story first. */
    private static final class RecordingRetriever implements SentenceRetriever {
        final List<String> queries = new ArrayList<>();
        final List<Conversation> conversations = new ArrayList<>();

        @Override
        public Retrieval retrieve(String query, int topK) {
            return retrieve(query, topK, Conversation.NONE);
        }

        @Override
        public Retrieval retrieve(String query, int topK, Conversation conversation) {
            queries.add(query);
            conversations.add(conversation);
            List<ScoredSentence> found = query.startsWith("Which German company")
                    ? List.of(sentence("hexal", 0), sentence("treasury", 0)) : List.of(sentence("hexal", 1));
            return new Retrieval(query, List.of(), found, 0.9);
        }
    }

    private static AnswerService service(SentenceRetriever retriever) {
        return AnswerService.builder()
                .retriever(retriever)
                .answerer(new ExtractiveAnswerer(3, 0.1, 0.5))
                .documents(id -> Optional.ofNullable(ARTICLES.get(id)))
                .splitter(new SentenceSplitter()::split)
                .claims(new ClaimVerifier(new SupportScorer(text -> new float[]{1, 0}), 0.5))
                .limits(new AnswerService.Limits(500, 10, 5, 20))
                .build();
    }

    @Test
    void given_a_follow_up_when_asked_then_it_is_retrieved_in_the_conversation_of_the_previous_questions_article() {
        RecordingRetriever retriever = new RecordingRetriever();
        List<Turn> history = List.of(new Turn("user", "Which German company did Novartis buy?"),
                new Turn("assistant", "The Treasury spends more on schools [1]."));

        Answer answer = service(retriever).ask("How much is it spending?", history, null);

        // the previous question is asked again (the user's words, not the assistant's), then the follow-up in its light
        assertEquals("Which German company did Novartis buy?", retriever.queries.getFirst());
        assertEquals(Conversation.NONE, retriever.conversations.getFirst());
        Conversation used = retriever.conversations.getLast();
        assertEquals(Set.of("hexal"), used.articles());
        assertEquals("How much is it spending? (context: German, Novartis)", retriever.queries.getLast());
        assertEquals("hexal", answer.citations().getFirst().documentId());
    }

    @Test
    void given_a_question_that_stands_alone_when_asked_then_no_earlier_question_is_retrieved() {
        RecordingRetriever retriever = new RecordingRetriever();
        List<Turn> history = List.of(new Turn("user", "Which German company did Novartis buy?"),
                new Turn("assistant", "Hexal [1]."));

        service(retriever).ask("What did the Treasury announce on Monday?", history, null);

        assertEquals(List.of("What did the Treasury announce on Monday?"), retriever.queries);
        assertEquals(List.of(Conversation.NONE), retriever.conversations);
    }

    @Test
    void given_a_chain_of_follow_ups_when_asked_then_the_previous_one_is_retrieved_standalone() {
        RecordingRetriever retriever = new RecordingRetriever();
        List<Turn> history = List.of(new Turn("user", "Which German company did Novartis buy?"),
                new Turn("assistant", "Hexal [1]."),
                new Turn("user", "How much is it spending?"),
                new Turn("assistant", "5.65bn euros [1]."));

        service(retriever).ask("When did it announce that?", history, null);

        assertEquals("How much is it spending? (context: German, Novartis)", retriever.queries.getFirst());
    }
}
