package io.footnote.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import io.footnote.cite.Citation;
import io.footnote.cite.CitationVerifier;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers one question: validate it, make a follow-up standalone, retrieve sentences, let the answerer
 * write, and verify every citation before the answer is returned.
 */
public final class AnswerService {

    /** Limits on a request, from configuration. */
    public record Limits(int maxQuestionLength, int maxHistory, int defaultTopK, int maxTopK) {
    }

    private final SentenceRetriever retriever;
    private final Answerer answerer;
    private final QueryTransformer rewriter;
    private final CitationVerifier verifier;
    private final Function<String, Optional<Document>> documents;
    private final Limits limits;

    public AnswerService(SentenceRetriever retriever, Answerer answerer, QueryTransformer rewriter,
                         Function<String, Optional<Document>> documents, Limits limits) {
        this.retriever = retriever;
        this.answerer = answerer;
        this.rewriter = rewriter;
        this.documents = documents;
        this.verifier = new CitationVerifier(documents);
        this.limits = limits;
    }

    /**
     * @throws InvalidQuestionException when the question is blank or too long, the history malformed, or
     *                                  {@code topK} out of range
     */
    public Answer ask(String question, List<Turn> history, Integer topK) {
        return ask(question, history, topK, token -> { });
    }

    /**
     * Like {@link #ask(String, List, Integer)}, handing the answer text to {@code onToken} piece by piece as
     * it is written (the extractive answerer writes it in one go, so it arrives sentence by sentence).
     * The pieces concatenated equal the returned answer's text.
     */
    public Answer ask(String question, List<Turn> history, Integer topK, java.util.function.Consumer<String> onToken) {
        String q = validate(question, history, topK);
        int k = topK == null ? limits.defaultTopK() : topK;
        long t0 = System.nanoTime();
        String standalone = rewrite(q, history == null ? List.of() : history);
        Retrieval retrieval = retriever.retrieve(standalone, k);
        long t1 = System.nanoTime();
        Answerer.Draft draft = answerer.answer(standalone, retrieval);
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < draft.cited().size(); i++) {
            citations.add(toCitation(i + 1, draft.cited().get(i)));
        }
        CitationVerifier.Result verified = verifier.verify(citations);
        String notice = verified.rejected() == 0 ? null
                : verified.rejected() + " citation(s) did not match their source and were removed.";
        long t2 = System.nanoTime();
        pieces(draft.text()).forEach(onToken);
        return new Answer(q, standalone.equals(q) ? null : standalone, draft.text(), answerer.mode(),
                draft.abstained(), verified.valid(), notice,
                new Answer.Timings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
    }

    /** The text cut after each citation marker, separators kept, so the pieces join back to the text. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = text.indexOf("] "); i >= 0; i = text.indexOf("] ", i + 2)) {
            out.add(text.substring(from, i + 2));
            from = i + 2;
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    private String rewrite(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return question;
        }
        List<ChatMessage> memory = new ArrayList<>(history.size());
        for (Turn t : history) {
            memory.add("assistant".equalsIgnoreCase(t.role()) ? AiMessage.from(t.content()) : UserMessage.from(t.content()));
        }
        Query query = Query.from(question, Metadata.from(UserMessage.from(question), null, memory));
        return rewriter.transform(query).iterator().next().text();
    }

    private Citation toCitation(int id, ScoredSentence s) {
        Document d = documents.apply(s.documentId()).orElseThrow();
        return new Citation(id, d.id(), d.title(), d.date(), s.sentenceIndex(), s.start(), s.end(), s.text(),
                Math.round(s.score() * 1000) / 1000.0);
    }

    /**
     * Checks a request without answering it, so a streaming endpoint can refuse it before the stream opens.
     *
     * @throws InvalidQuestionException as {@link #ask(String, List, Integer)} would
     */
    public void check(String question, List<Turn> history, Integer topK) {
        validate(question, history, topK);
    }

    private String validate(String question, List<Turn> history, Integer topK) {
        if (question == null || question.isBlank()) {
            throw new InvalidQuestionException("'question' is required and must not be blank.");
        }
        if (question.length() > limits.maxQuestionLength()) {
            throw new InvalidQuestionException("'question' is " + question.length() + " characters long; the limit is "
                    + limits.maxQuestionLength() + ".");
        }
        if (topK != null && (topK < 1 || topK > limits.maxTopK())) {
            throw new InvalidQuestionException("'topK' must be between 1 and " + limits.maxTopK() + ".");
        }
        if (history != null) {
            if (history.size() > limits.maxHistory()) {
                throw new InvalidQuestionException("'history' has " + history.size() + " turns; the limit is "
                        + limits.maxHistory() + ".");
            }
            for (int i = 0; i < history.size(); i++) {
                Turn t = history.get(i);
                if (t == null || t.role() == null || t.content() == null) {
                    throw new InvalidQuestionException("'history[" + i + "]' needs a 'role' and a 'content'.");
                }
                String role = t.role().toLowerCase(Locale.ROOT);
                if (!role.equals("user") && !role.equals("assistant")) {
                    throw new InvalidQuestionException("'history[" + i + "].role' must be 'user' or 'assistant', not '"
                            + t.role() + "'.");
                }
                if (t.content().length() > limits.maxQuestionLength() * 10) {
                    throw new InvalidQuestionException("'history[" + i + "].content' is too long.");
                }
            }
        }
        return question.strip();
    }
}
