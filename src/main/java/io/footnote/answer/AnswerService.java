package io.footnote.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import io.footnote.cite.Citation;
import io.footnote.retrieve.AnswerType;
import io.footnote.cite.CitationVerifier;
import io.footnote.cite.CitedAnswerBuilder;
import io.footnote.cite.ClaimVerifier;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.domain.Sentence;
import io.footnote.domain.Titles;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers one question: validate it, make a follow-up standalone, retrieve sentences, let the answerer
 * write, then check every citation before the answer is returned.
 *
 * <p>Checking means: markers are parsed and renumbered in order of first use, markers naming no source are
 * removed and counted ({@link CitedAnswerBuilder}); each citation must resolve to its exact source sentence
 * ({@link CitationVerifier}); each answer sentence is scored against the sentences it cites
 * ({@link ClaimVerifier}), and sentences no citation backs are listed as {@code unsupportedClaims}.
 *
 * <p>With a fallback answerer (the extractive one, behind a language model), any failure of the primary one
 * — error, timeout, open circuit breaker, empty or cut-off output, or an answer of which no sentence is backed
 * by its citations — is replaced by the fallback's answer, with a {@code notice} saying why. A client being
 * gone ({@link CancellationException}) is not a failure: it ends the work.
 */
public final class AnswerService {

    private static final Logger LOG = Logger.getLogger(AnswerService.class);

    /** Passages listed under a declined answer. */
    private static final int RELATED = 3;

    /** Limits on a request, from configuration. */
    public record Limits(int maxQuestionLength, int maxHistory, int defaultTopK, int maxTopK) {
    }

    /** Receives a streamed answer. */
    public interface Listener {

        /** The next piece of the answer text. */
        void text(String piece);

        /**
         * The text so far is withdrawn (the model failed midway); the pieces that follow, from the fallback,
         * make up the answer.
         */
        default void reset(String reason) {
        }

        /** True once the client has gone, so the work can stop. */
        default boolean cancelled() {
            return false;
        }
    }

    private final SentenceRetriever retriever;
    private final Answerer answerer;
    private final Optional<Answerer> fallback;
    private final QueryTransformer rewriter;
    private final CitationVerifier resolver;
    private final ClaimVerifier claims;
    private final Function<String, List<Sentence>> splitter;
    private final Function<String, Optional<Document>> documents;
    private final Limits limits;

    private AnswerService(Builder b) {
        this.retriever = Objects.requireNonNull(b.retriever, "retriever");
        this.answerer = Objects.requireNonNull(b.answerer, "answerer");
        this.fallback = Optional.ofNullable(b.fallback);
        this.rewriter = b.rewriter == null ? new FollowUpQueryTransformer() : b.rewriter;
        this.documents = Objects.requireNonNull(b.documents, "documents");
        this.resolver = new CitationVerifier(documents);
        this.splitter = Objects.requireNonNull(b.splitter, "splitter");
        this.claims = Objects.requireNonNull(b.claims, "claims");
        this.limits = Objects.requireNonNull(b.limits, "limits");
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

    private Answer run(String question, List<Turn> history, Integer topK, Listener listener) {
        String q = validate(question, history, topK);
        int k = topK == null ? limits.defaultTopK() : topK;
        long t0 = System.nanoTime();
        String standalone = rewrite(q, history == null ? List.of() : history);
        Retrieval retrieval = retriever.retrieve(standalone, k);
        long t1 = System.nanoTime();
        Outcome outcome;
        ReleasingSink sink = new ReleasingSink(listener);
        try {
            outcome = attempt(answerer, standalone, retrieval, sink);
            if (fallback.isPresent() && !outcome.abstained && outcome.verdict.supportedClaims() == 0) {
                throw new UnusableAnswerException("none of the model's sentences is backed by the source it cites");
            }
        } catch (CancellationException | InvalidQuestionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (fallback.isEmpty()) {
                throw e;
            }
            String reason = answerer.explain(e);
            LOG.warnf("The language model's answer was replaced by the extractive one: %s", reason);
            if (listener != null && sink.releasedAny) {
                listener.reset(reason);
            }
            outcome = attempt(fallback.get(), standalone, retrieval, new ReleasingSink(listener));
            outcome.notices.add(0, "The language model could not answer (" + reason + "), so the answer quotes the "
                    + "best-matching source sentences instead.");
        }
        long t2 = System.nanoTime();
        return new Answer(q, standalone.equals(q) ? null : standalone, outcome.text, outcome.mode, outcome.abstained,
                outcome.citations, outcome.verdict.unsupportedClaims(), outcome.removedMarkers,
                outcome.notices.isEmpty() ? null : String.join(" ", outcome.notices),
                new Answer.Timings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, outcome.verifyNanos / 1_000_000),
                outcome.abstained ? related(retrieval) : List.of());
    }

    /** What one answerer produced, checked. */
    private static final class Outcome {
        String text;
        String mode;
        boolean abstained;
        List<Citation> citations = List.of();
        ClaimVerifier.Result verdict = new ClaimVerifier.Result(List.of(), List.of(), List.of(), 0);
        int removedMarkers;
        long verifyNanos;
        final List<String> notices = new ArrayList<>();
    }

    /** Feeds the answer text to a {@link CitedAnswerBuilder} and the finished sentences to the listener. */
    private final class ReleasingSink implements Answerer.Sink {
        private final Listener listener;
        CitedAnswerBuilder builder;
        boolean releasedAny;

        ReleasingSink(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void sources(List<ScoredSentence> sources) {
            builder = new CitedAnswerBuilder(splitter, sources.size());
        }

        @Override
        public void text(String delta) {
            if (cancelled()) {
                throw new CancellationException("the client went away");
            }
            release(builder.append(delta));
        }

        void release(String piece) {
            if (listener != null && !piece.isEmpty()) {
                releasedAny = true;
                listener.text(piece);
            }
        }

        @Override
        public boolean cancelled() {
            return listener != null && listener.cancelled();
        }
    }

    private Outcome attempt(Answerer a, String question, Retrieval retrieval, ReleasingSink sink) {
        Answerer.Draft draft;
        if (sink.listener == null) {
            draft = a.answer(question, retrieval);
            sink.sources(draft.cited());
            if (!draft.abstained()) {
                sink.text(draft.text());
            }
        } else {
            draft = a.answer(question, retrieval, sink);
        }
        Outcome o = new Outcome();
        o.mode = a.mode();
        if (draft.abstained()) {
            o.abstained = true;
            o.text = draft.text();
            sink.release(draft.text());
            return o;
        }
        CitedAnswerBuilder builder = sink.builder;
        sink.release(builder.finish(draft.complete()));
        o.text = builder.text();
        if (o.text.isBlank()) {
            throw new UnusableAnswerException(draft.complete() ? "the answer was empty"
                    : "the answer was cut off before its first sentence ended");
        }
        if (!draft.complete()) {
            o.notices.add("The answer reached the model's length limit; its unfinished last sentence was left out.");
        }
        o.removedMarkers = builder.removedMarkers();
        if (o.removedMarkers > 0) {
            o.notices.add(o.removedMarkers + " citation marker(s) named no source and were removed.");
        }
        List<Citation> citations = new ArrayList<>();
        List<Integer> numbers = builder.sourceNumbers();
        for (int i = 0; i < numbers.size(); i++) {
            citations.add(toCitation(i + 1, draft.cited().get(numbers.get(i) - 1)));
        }
        long verifyStart = System.nanoTime();
        o.verdict = claims.verify(builder.claims(), citations.stream().map(Citation::text).toList());
        // A quote always equals itself, so in extractive mode the claim check says nothing; the support shown
        // is instead how likely the quoted evidence answers the question (calibrated answerability).
        boolean quoted = a instanceof ExtractiveAnswerer;
        double answerability = Math.round(retrieval.answerability() * 1000) / 1000.0;
        List<Citation> checked = new ArrayList<>(citations.size());
        for (int i = 0; i < citations.size(); i++) {
            checked.add(citations.get(i).withSupport(o.verdict.supported().get(i),
                    quoted ? answerability : o.verdict.support().get(i)));
        }
        // The words a reader's eye should land on: what each quote supplies that the question asked for.
        AnswerType asked = AnswerType.of(retrieval.query());
        java.util.Set<String> questionWords = AnswerType.words(retrieval.query());
        checked.replaceAll(c -> c.withHighlights(asked.spans(c.text(), questionWords)));
        CitationVerifier.Result resolved = resolver.verify(checked);
        if (resolved.rejected() > 0) {
            o.notices.add(resolved.rejected() + " citation(s) did not match their source and were removed.");
        }
        o.citations = resolved.valid();
        o.verifyNanos = System.nanoTime() - verifyStart;
        return o;
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

    /** The passages shown under a declined answer: the best few sentences, each wording once. */
    private List<Answer.Related> related(Retrieval retrieval) {
        List<Answer.Related> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ScoredSentence s : retrieval.sentences()) {
            if (out.size() == RELATED) {
                break;
            }
            Optional<Document> d = documents.apply(s.documentId());
            if (d.isPresent() && seen.add(s.text().strip().toLowerCase(Locale.ROOT))) {
                out.add(new Answer.Related(s.documentId(), d.get().title(), s.sentenceIndex(), s.start(), s.end(),
                        s.text(), Math.round(s.score() * 1000) / 1000.0));
            }
        }
        return out;
    }

    private Citation toCitation(int id, ScoredSentence s) {
        Document d = documents.apply(s.documentId()).orElseThrow();
        return new Citation(id, d.id(), Titles.shortTitle(d.title(), d.source()), d.date(), s.sentenceIndex(), s.start(), s.end(), s.text(),
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
