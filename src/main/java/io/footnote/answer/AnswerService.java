package io.footnote.answer;

import dev.langchain4j.rag.query.transformer.QueryTransformer;
import io.footnote.cite.CitationVerifier;
import io.footnote.cite.CitedAnswerBuilder;
import io.footnote.cite.ClaimVerifier;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.retrieve.Conversation;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers one question: validate it, make a follow-up standalone, retrieve sentences, let the answerer
 * write, then check every citation before the answer is returned. Each step is its own class:
 * {@link QuestionCheck} → {@link FollowUpRewrite} → {@link SentenceRetriever} → {@link FallbackAnswering}
 * ({@link AnswerWriting}, {@link DraftCheck}) → {@link RelatedPassages} when the answer declines. The articles
 * a question touches are looked up once each ({@link QuestionArticles}), so every step agrees on which exist.
 *
 * <p>Checking means: markers are parsed and renumbered in order of first use, markers naming no source are
 * removed and counted ({@link CitedAnswerBuilder}); each citation must resolve to its exact source sentence
 * ({@link CitationVerifier}); each answer sentence is scored against the sentences it cites
 * ({@link ClaimVerifier}), and sentences no citation backs are listed as {@code unsupportedClaims}. A citation
 * whose article was deleted while the question was answered is dropped; when that leaves none, the answer
 * declines.
 *
 * <p>With a fallback answerer (the extractive one, behind a language model), any failure of the primary one
 * — error, timeout, open circuit breaker, empty or cut-off output, or an answer of which no sentence is backed
 * by its citations — is replaced by the fallback's answer, with a {@code notice} saying why. A client being
 * gone ({@link CancellationException}) is not a failure: it ends the work.
 */
public final class AnswerService {

    /** Limits on a request, from configuration. */
    public record Limits(int maxQuestionLength, int maxHistory, int defaultTopK, int maxTopK) {
    }

    /** Receives a streamed answer. */
    public interface Listener {

        /** The next piece of the answer text. */
        void text(String piece);

        /**
         * The text so far is withdrawn (the model failed midway, or every article it cited was deleted
         * meanwhile); the pieces that follow, from the fallback or the decline, make up the answer.
         */
        default void reset(String reason) {
        }

        /** True once the client has gone, so the work can stop. */
        default boolean cancelled() {
            return false;
        }
    }

    private final Answerer answerer;
    private final QuestionCheck questions;
    private final FollowUpRewrite followUps;
    private final SentenceRetriever retriever;
    private final Function<String, Optional<Document>> documents;
    private final FallbackAnswering answering;

    private AnswerService(Builder b) {
        this.answerer = Objects.requireNonNull(b.answerer, "answerer");
        this.questions = new QuestionCheck(Objects.requireNonNull(b.limits, "limits"));
        this.followUps = new FollowUpRewrite(b.rewriter == null ? new FollowUpQueryTransformer() : b.rewriter);
        this.retriever = Objects.requireNonNull(b.retriever, "retriever");
        this.documents = Objects.requireNonNull(b.documents, "documents");
        DraftCheck check = new DraftCheck(Objects.requireNonNull(b.claims, "claims"));
        this.answering = new FallbackAnswering(answerer, Optional.ofNullable(b.fallback),
                new AnswerWriting(Objects.requireNonNull(b.splitter, "splitter"), check));
    }

    /** A builder; retriever, answerer, documents, splitter, claims and limits are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link AnswerService}. Defaults: no fallback (the answerer's failures reach the caller, as they
     * should when the answerer is itself the extractive one) and the heuristic {@link FollowUpQueryTransformer}.
     */
    public static final class Builder {
        private SentenceRetriever retriever;
        private Answerer answerer;
        private Answerer fallback;
        private QueryTransformer rewriter;
        private Function<String, Optional<Document>> documents;
        private Function<String, List<Sentence>> splitter;
        private ClaimVerifier claims;
        private Limits limits;

        private Builder() {
        }

        /** Finds the sentences a question needs. */
        public Builder retriever(SentenceRetriever retriever) {
            this.retriever = retriever;
            return this;
        }

        /** Writes answers. */
        public Builder answerer(Answerer answerer) {
            this.answerer = answerer;
            return this;
        }

        /** Answers instead when the answerer fails or none of its claims is backed by what it cites. */
        public Builder fallback(Answerer fallback) {
            this.fallback = fallback;
            return this;
        }

        /** Makes follow-ups standalone. */
        public Builder rewriter(QueryTransformer rewriter) {
            this.rewriter = rewriter;
            return this;
        }

        /** Looks up indexed articles (for citations' offsets). */
        public Builder documents(Function<String, Optional<Document>> documents) {
            this.documents = documents;
            return this;
        }

        /** Splits answer text into sentences. */
        public Builder splitter(Function<String, List<Sentence>> splitter) {
            this.splitter = splitter;
            return this;
        }

        /** Scores answer sentences against the sentences they cite. */
        public Builder claims(ClaimVerifier claims) {
            this.claims = claims;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        public AnswerService build() {
            return new AnswerService(this);
        }
    }

    /** The answerer's mode: {@code extractive} or the language model's name. */
    public String mode() {
        return answerer.mode();
    }

    /**
     * @throws InvalidQuestionException when the question is blank or too long, the history malformed, or
     *                                  {@code topK} out of range
     */
    public Answer ask(String question, List<Turn> history, Integer topK) {
        return run(question, history, topK, null);
    }

    /**
     * Like {@link #ask(String, List, Integer)}, handing the answer text to {@code onToken} piece by piece as it
     * is written, one finished sentence at a time with its markers renumbered. Unless a reset happened (see
     * {@link #stream(String, List, Integer, Listener)}), the pieces concatenated equal the returned answer's text.
     */
    public Answer ask(String question, List<Turn> history, Integer topK, Consumer<String> onToken) {
        return stream(question, history, topK, onToken::accept);
    }

    /**
     * Streams the answer to {@code listener}. The pieces after the last {@link Listener#reset reset}
     * concatenated equal the returned answer's text.
     *
     * @throws CancellationException when the listener reported the client gone
     */
    public Answer stream(String question, List<Turn> history, Integer topK, Listener listener) {
        return run(question, history, topK, listener);
    }

    /**
     * Checks a request without answering it, so a streaming endpoint can refuse it before the stream opens.
     *
     * @throws InvalidQuestionException as {@link #ask(String, List, Integer)} would
     */
    public void check(String question, List<Turn> history, Integer topK) {
        questions.validate(question, history, topK);
    }

    /** The question's path: check, make standalone, retrieve, write (or fall back) and check, assemble. */
    private Answer run(String question, List<Turn> history, Integer topK, Listener listener) {
        AskedQuestion asked = questions.validate(question, history, topK);
        long start = System.nanoTime();
        String standalone = followUps.standalone(asked.text(), asked.history());
        Retrieval retrieval = retriever.retrieve(standalone, asked.topK(), conversation(asked, standalone));
        long retrieved = System.nanoTime();
        QuestionArticles articles = new QuestionArticles(documents);
        CheckedAnswer answer = answering.answer(standalone, retrieval, articles, listener);
        long answered = System.nanoTime();
        return new Answer(asked.text(), standalone.equals(asked.text()) ? null : standalone, answer.text(),
                answer.mode(), answer.abstained(), answer.citations(), answer.unsupportedClaims(),
                answer.removedMarkers(), answer.notice(),
                new Answer.Timings(millis(retrieved - start), millis(answered - retrieved), millis(answer.verifyNanos())),
                answer.abstained() ? RelatedPassages.of(retrieval, articles) : List.of());
    }

    /**
     * For a follow-up, the conversation it continues: the user's previous question, retrieved again to learn
     * which article answered it (the client sends the turns' text, not their citations; and the user's own
     * question, not the assistant's wording, says what the conversation is about). {@link Conversation#NONE}
     * for a question that stands alone.
     */
    private Conversation conversation(AskedQuestion asked, String standalone) {
        if (standalone.equals(asked.text())) {
            return Conversation.NONE;
        }
        return followUps.previous(asked.history())
                .map(earlier -> Conversation.after(retriever.retrieve(earlier, asked.topK())))
                .orElse(Conversation.NONE);
    }

    /**
     * What retrieval finds for {@code question} asked after {@code history}, as {@link #ask} would retrieve it
     * (follow-up rewritten, in its conversation); for evaluation, which inspects the ranking.
     */
    public Retrieval retrieval(String question, List<Turn> history, Integer topK) {
        AskedQuestion asked = questions.validate(question, history, topK);
        String standalone = followUps.standalone(asked.text(), asked.history());
        return retriever.retrieve(standalone, asked.topK(), conversation(asked, standalone));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
