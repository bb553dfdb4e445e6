package io.footnote.answer;

import io.footnote.retrieve.Retrieval;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Writes the answer with the answerer, and with the fallback when the answerer fails.
 *
 * <p>Contract: with a fallback, any failure of the answerer — error, timeout, open circuit breaker, empty or
 * cut-off output, or a written answer of which no sentence is backed by its citations — is replaced by the
 * fallback's answer, with a notice (first) saying why; the listener is reset first when it already received
 * text. A client gone ({@link CancellationException}) and an invalid question are not failures: they
 * propagate, as does every failure when there is no fallback or the fallback itself fails.
 */
final class FallbackAnswering {

    // Logged under the service's name, where operators have always found the fallbacks.
    private static final Logger LOG = Logger.getLogger(AnswerService.class);

    private final Answerer answerer;
    private final Optional<Answerer> fallback;
    private final AnswerWriting writing;

    FallbackAnswering(Answerer answerer, Optional<Answerer> fallback, AnswerWriting writing) {
        this.answerer = answerer;
        this.fallback = fallback;
        this.writing = writing;
    }

    /** @param listener receives the text as it is written; {@code null} when nobody streams */
    CheckedAnswer answer(String question, Retrieval retrieval, QuestionArticles articles,
                         AnswerService.Listener listener) {
        ReleasingSink sink = writing.sink(listener);
        try {
            CheckedAnswer checked = writing.write(answerer, question, retrieval, articles, sink);
            if (fallback.isPresent() && !checked.abstained() && checked.supportedClaims() == 0) {
                throw new UnusableAnswerException("none of the model's sentences is backed by the source it cites");
            }
            return checked;
        } catch (CancellationException | InvalidQuestionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (fallback.isEmpty()) {
                throw e;
            }
            String reason = answerer.explain(e);
            LOG.warnf("The language model's answer was replaced by the extractive one: %s", reason);
            sink.withdraw(reason);
            return writing.write(fallback.get(), question, retrieval, articles, writing.sink(listener))
                    .withFirstNotice("The language model could not answer (" + reason + "), so the answer quotes "
                            + "the best-matching source sentences instead.");
        }
    }
}
