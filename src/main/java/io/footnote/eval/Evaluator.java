package io.footnote.eval;

import io.footnote.answer.Answer;
import io.footnote.answer.AnswerService;
import io.footnote.cite.Citation;
import io.footnote.cite.CitationVerifier;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.domain.Sentence;
import io.footnote.llm.CitationPrompt;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Asks every case of a dataset and measures the answer, its citations and the retrieval behind it.
 * A citation "holds the answer" when its sentence contains a reference answer or a required fact, or is a
 * gold supporting sentence; citation precision is the share of citations that do.
 */
public final class Evaluator {

    private final AnswerService answers;
    private final SentenceRetriever retriever;
    private final Function<String, Optional<Document>> documents;
    private final CitationPrompt prompt;
    private final Consumer<Set<String>> beforeAsk;
    private final Map<Integer, CitationPrompt> sweep;
    private final CitationVerifier verifier;
    private final int topK;
    /** Chunks ranked for the model's prompt (its answer path ranks more than the extractive one). */
    private final int promptTopK;

    public Evaluator(AnswerService answers, SentenceRetriever retriever, Function<String, Optional<Document>> documents,
                     int topK) {
        this(answers, retriever, documents, topK, topK, null, gold -> { }, Map.of());
    }

    private Evaluator(AnswerService answers, SentenceRetriever retriever, Function<String, Optional<Document>> documents,
                      int topK, int promptTopK, CitationPrompt prompt, Consumer<Set<String>> beforeAsk,
                      Map<Integer, CitationPrompt> sweep) {
        this.answers = answers;
        this.retriever = retriever;
        this.documents = documents;
        this.verifier = new CitationVerifier(documents);
        this.topK = topK;
        this.promptTopK = promptTopK;
        this.prompt = prompt;
        this.beforeAsk = beforeAsk;
        this.sweep = sweep;
    }

    /**
     * Also measures the language model's prompt for every question: whether a gold supporting sentence (or
     * one of identical text) is among the numbered sources {@code prompt} selects from the question's retrieval
     * ({@code prompt.recall}), and the prompt's estimated tokens. Needs no model: it runs in extractive mode too.
     * The question is retrieved for it as the model's answer path retrieves it: {@code promptTopK} chunks ranked.
     */
    public Evaluator withPrompt(CitationPrompt prompt, int promptTopK) {
        return new Evaluator(answers, retriever, documents, topK, promptTopK, prompt, beforeAsk, sweep);
    }

    /**
     * Also measures prompt recall and tokens under each of several prompt budgets ({@code prompt.recall@N},
     * {@code prompt.tokens_avg@N}), from the same retrieval: how a budget is chosen without a run per budget.
     */
    public Evaluator withPromptSweep(Map<Integer, CitationPrompt> promptsByBudget) {
        return new Evaluator(answers, retriever, documents, topK, promptTopK, prompt, beforeAsk, Map.copyOf(promptsByBudget));
    }

    /**
     * Tells {@code listener} the texts of a question's gold supporting sentences just before it is asked (what
     * an oracle reader needs to know; questions are asked one at a time, in order).
     */
    public Evaluator beforeAsking(Consumer<Set<String>> listener) {
        return new Evaluator(answers, retriever, documents, topK, promptTopK, prompt, listener, sweep);
    }

    /** Runs every case, printing a progress line (count, rate, ETA) to {@code progress} every few seconds. */
    public List<QuestionResult> run(List<EvalCase> cases, Function<EvalCase.Support, Optional<String>> goldResolver,
                                    PrintStream progress) {
        List<QuestionResult> results = new ArrayList<>(cases.size());
        long t0 = System.nanoTime();
        long lastPrint = 0;
        for (EvalCase c : cases) {
            results.add(evaluate(c, goldResolver));
            long now = System.nanoTime();
            if (progress != null && (now - lastPrint > 3e9 || results.size() == cases.size())) {
                lastPrint = now;
                double secs = (now - t0) / 1e9;
                double rate = results.size() / secs;
                int width = 30;
                int filled = (int) Math.round(width * results.size() / (double) cases.size());
                progress.printf(Locale.ROOT, "[%s%s] %d/%d questions, %.1f q/s, ETA %.0f s%n", "#".repeat(filled),
                        ".".repeat(width - filled), results.size(), cases.size(), rate,
                        (cases.size() - results.size()) / Math.max(rate, 1e-9));
            }
        }
        return results;
    }

    QuestionResult evaluate(EvalCase c, Function<EvalCase.Support, Optional<String>> goldResolver) {
        Set<String> gold = new HashSet<>();
        for (EvalCase.Support s : c.support()) {
            goldResolver.apply(s).ifPresent(gold::add);
        }
        Set<String> goldTexts = new HashSet<>();
        for (String k : gold) {
            sentenceText(k).ifPresent(goldTexts::add);
        }
        beforeAsk.accept(Set.copyOf(goldTexts));
        long t0 = System.nanoTime();
        Answer answer = answers.ask(c.question(), c.history(), null);
        long latency = (System.nanoTime() - t0) / 1_000_000;
        String query = answer.rewrittenQuestion() != null ? answer.rewrittenQuestion() : answer.question();
        // What the answer was written from: a follow-up is retrieved in its conversation, as ask did.
        Retrieval retrieval = c.history().isEmpty() ? retriever.retrieve(query, topK)
                : answers.retrieval(c.question(), c.history(), topK);
        Boolean goldInPrompt = null;
        int promptTokens = 0;
        Retrieval forPrompt = promptTopK == topK || (prompt == null && sweep.isEmpty()) ? retrieval
                : c.history().isEmpty() ? retriever.retrieve(query, promptTopK)
                : answers.retrieval(c.question(), c.history(), promptTopK);
        if (prompt != null) {
            QuestionResult.PromptProbe probe = probe(prompt, query, forPrompt, gold, goldTexts);
            goldInPrompt = probe.goldIn();
            promptTokens = probe.tokens();
        }
        Map<Integer, QuestionResult.PromptProbe> probes = new TreeMap<>();
        sweep.forEach((budget, p) -> probes.put(budget, probe(p, query, forPrompt, gold, goldTexts)));
        int goldRank = 0;
        List<String> retrieved = new ArrayList<>();
        for (int i = 0; i < retrieval.sentences().size(); i++) {
            ScoredSentence s = retrieval.sentences().get(i);
            if (goldRank == 0 && gold.contains(key(s.documentId(), s.sentenceIndex()))) {
                goldRank = i + 1;
            }
            if (i < 5) {
                retrieved.add(String.format(Locale.ROOT, "%.3f (sim %.2f, overlap %.2f) %s", s.score(), s.similarity(),
                        s.overlap(), s.text()));
            }
        }
        List<QuestionResult.Cited> cited = new ArrayList<>();
        List<Boolean> good = new ArrayList<>();
        Set<String> citedKeys = new HashSet<>();
        int valid = 0;
        for (Citation ct : answer.citations()) {
            String k = key(ct.documentId(), ct.sentenceIndex());
            citedKeys.add(k);
            boolean isGold = gold.contains(k);
            boolean holds = isGold || holdsAnswer(ct.text(), c);
            cited.add(new QuestionResult.Cited(ct.documentId(), ct.sentenceIndex(), ct.text(), isGold, holds));
            good.add(holds);
            if (verifier.resolves(ct)) {
                valid++;
            }
        }
        boolean citedSupported = !answer.citations().isEmpty() && answer.unsupportedClaims().isEmpty()
                && answer.citations().stream().allMatch(ct -> Boolean.TRUE.equals(ct.supported()));
        boolean citedGoldSupported = answer.citations().stream()
                .anyMatch(ct -> Boolean.TRUE.equals(ct.supported()) && gold.contains(key(ct.documentId(), ct.sentenceIndex())));
        String plain = Metrics.stripMarkers(answer.answer());
        boolean answered = !answer.abstained();
        return new QuestionResult(c.id(), c.question(), answer.rewrittenQuestion(), c.answerable(), answer.abstained(),
                answer.answer(), cited, List.copyOf(gold), goldRank,
                answered && !good.isEmpty() && good.get(0), answered && good.contains(true),
                Metrics.citationRecall(citedKeys, gold), Metrics.citationPrecision(good), valid,
                answered ? Metrics.tokenF1(plain, c.answers()) : 0, answered ? Metrics.exactMatch(plain, c.answers()) : 0,
                answered && Metrics.keyFactMatch(plain, c.facts()), latency, retrieved, goldInPrompt, promptTokens,
                answered && citedSupported, answered && citedGoldSupported, probes,
                retrieval.answerability());
    }

    private static boolean holdsAnswer(String text, EvalCase c) {
        if (!c.facts().isEmpty()) {
            return Metrics.keyFactMatch(text, c.facts());
        }
        return c.answers().stream().anyMatch(a -> Metrics.containsNormalized(text, a));
    }

    /** Whether the prompt's sources hold a gold sentence (or one of the same text), and its estimated tokens. */
    private static QuestionResult.PromptProbe probe(CitationPrompt prompt, String query, Retrieval retrieval,
                                                    Set<String> gold, Set<String> goldTexts) {
        List<ScoredSentence> sources = prompt.select(retrieval);
        Set<String> normalizedGold = new HashSet<>();
        goldTexts.forEach(t -> normalizedGold.add(Metrics.normalize(t)));
        boolean in = !gold.isEmpty() && sources.stream().anyMatch(s -> gold.contains(key(s.documentId(),
                s.sentenceIndex())) || normalizedGold.contains(Metrics.normalize(s.text())));
        return new QuestionResult.PromptProbe(in, sources.isEmpty() ? 0 : CitationPrompt.tokens(prompt.messages(query, sources)));
    }

    private Optional<String> sentenceText(String key) {
        int hash = key.lastIndexOf('#');
        int index = Integer.parseInt(key.substring(hash + 1));
        return documents.apply(key.substring(0, hash)).filter(d -> index < d.sentences().size())
                .map(d -> d.sentenceText(index));
    }

    static String key(String documentId, int sentenceIndex) {
        return documentId + "#" + sentenceIndex;
    }

    /**
     * Resolves gold support against indexed documents: by text fragment (the sentence containing it), or by
     * character offset into the source file (SQuAD's {@code answer_start}), allowing for what cleaning cut
     * from the start of the file.
     */
    public static Function<EvalCase.Support, Optional<String>> resolver(Function<String, Optional<Document>> documents,
                                                                        Function<String, String> rawText) {
        return s -> documents.apply(s.documentId()).flatMap(d -> {
            if (s.text() != null) {
                String fragment = s.text().replaceAll("\\s+", " ");
                for (Sentence sentence : d.sentences()) {
                    if (sentence.textIn(d.text()).replaceAll("\\s+", " ").contains(fragment)) {
                        return Optional.of(key(d.id(), sentence.index()));
                    }
                }
                return Optional.empty();
            }
            String raw = rawText.apply(s.documentId());
            int shift = raw == null ? 0 : Math.max(0, raw.indexOf(d.text().substring(0, Math.min(80, d.text().length()))));
            int offset = s.offset() - shift;
            for (Sentence sentence : d.sentences()) {
                if (offset < sentence.end()) {
                    return Optional.of(key(d.id(), sentence.index()));
                }
            }
            return Optional.empty();
        });
    }
}
