package io.footnote.app;

import dev.langchain4j.rag.query.transformer.QueryTransformer;
import io.footnote.answer.AnswerService;
import io.footnote.answer.Answerer;
import io.footnote.answer.CompoundQuestions;
import io.footnote.answer.ExtractiveAnswerer;
import io.footnote.answer.FollowUpQueryTransformer;
import io.footnote.cite.ClaimVerifier;
import io.footnote.cite.SupportScorer;
import io.footnote.config.FootnoteConfig;
import io.footnote.domain.Document;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.llm.CitationPrompt;
import io.footnote.llm.GuardedChatModel;
import io.footnote.llm.GuardedModelCalls;
import io.footnote.llm.LlmAnswerer;
import io.footnote.llm.LlmClients;
import io.footnote.llm.LlmFollowUpTransformer;
import io.footnote.llm.LlmStatus;
import io.footnote.llm.ModelCalls;
import io.footnote.retrieve.HybridContentRetriever;
import io.footnote.retrieve.SentenceRetriever;

import java.util.Optional;
import java.util.function.Function;

/**
 * The answering part of the {@link Pipeline}: the {@link AnswerService}s over one retriever and index, as
 * configured ({@code footnote.question.*}, {@code footnote.answering.*}, {@code footnote.verification.*},
 * {@code footnote.llm.*}).
 *
 * <p>Contract: the extractive service never involves the language model, not even to rewrite follow-ups; it is
 * also what stands in when the model fails. Without model clients, the configured service is the extractive
 * one (the same instance) and there is no model status. Opens nothing, so there is nothing to close.
 */
final class AnswerWiring {

    /**
     * @param answers    answers by the configured answerer
     * @param extractive answers that involve no model
     * @param llm        the model's status, when a model is configured
     */
    record Answering(AnswerService answers, AnswerService extractive, Optional<LlmStatus> llm) {
    }

    private AnswerWiring() {
    }

    /**
     * @param clients the model's clients; empty when no model is configured
     * @param calls   the policy around model calls; {@code null} for the configured {@link GuardedModelCalls}
     */
    static Answering wire(FootnoteConfig config, SentenceRetriever retriever,
                          Function<String, Optional<Document>> documents, OnnxEncoder embeddings,
                          HybridContentRetriever chunks, Optional<LlmClients> clients, ModelCalls calls) {
        ClaimVerifier claims = new ClaimVerifier(
                new SupportScorer(text -> embeddings.embed(text).content().vector()),
                config.verification().minSupport());
        SentenceSplitter splitter = new SentenceSplitter();
        AnswerService.Limits limits = new AnswerService.Limits(config.question().maxLength(),
                config.question().maxHistory(), config.retrieval().topK(), config.retrieval().candidates());
        ExtractiveAnswerer extractive = new ExtractiveAnswerer(config.answering().maxSentences(),
                config.answering().minScore(), config.answering().relativeScore(),
                config.answering().minAnswerability(), documents);
        // Each half of a compound question ("What did Novartis buy and how much does it expect to save?") is answered.
        SentenceRetriever halves = new CompoundQuestions(retriever, config.answering().minAnswerability());
        AnswerService.Builder common = AnswerService.builder().retriever(halves).documents(documents)
                .splitter(splitter::split).claims(claims).limits(limits);
        AnswerService extractiveAnswers = common.answerer(extractive).build();
        if (clients.isEmpty()) {
            return new Answering(extractiveAnswers, extractiveAnswers, Optional.empty());
        }
        ModelCalls guarded = calls != null ? calls : new GuardedModelCalls(config.llm());
        Answerer writer = new LlmAnswerer(clients.get().chat(), clients.get().streaming(), guarded,
                prompt(documents, chunks, config, config.llm().promptTokens()),
                clients.get().mode(), config.llm().timeout());
        QueryTransformer rewriter = new FollowUpQueryTransformer();
        if (config.llm().rewriteFollowUps()) {
            rewriter = new LlmFollowUpTransformer(new GuardedChatModel(clients.get().chat(), guarded), rewriter,
                    config.question().maxLength());
        }
        // The model reads passages around the best sentences of more chunks than the extractive answerer ranks.
        AnswerService.Limits wider = new AnswerService.Limits(limits.maxQuestionLength(), limits.maxHistory(),
                Math.min(config.llm().promptTopK(), limits.maxTopK()), limits.maxTopK());
        AnswerService answers = common.limits(wider).answerer(writer).fallback(extractive).rewriter(rewriter).build();
        return new Answering(answers, extractiveAnswers, Optional.of(new LlmStatus(clients.get(), guarded)));
    }

    /** The language model's prompt over {@code documents} and {@code chunks}, with {@code promptTokens} as its budget. */
    static CitationPrompt prompt(Function<String, Optional<Document>> documents, HybridContentRetriever chunks,
                                 FootnoteConfig config, int promptTokens) {
        return CitationPrompt.of(documents, config.llm(), promptTokens,
                (query, k) -> chunks.search(query, chunks.embed(query), k));
    }
}
