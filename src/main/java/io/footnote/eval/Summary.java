package io.footnote.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregate metrics of an evaluation run. Retrieval and citation metrics are over answerable questions;
 * abstention metrics split answerable and unanswerable ones. {@code answer.cited_supported} is over answered
 * answerable questions; {@code answer.cited_gold_supported} (the answer cites a gold sentence found supporting)
 * over all answerable ones. {@code prompt.*} appear when the evaluator measured the language model's prompt:
 * {@code prompt.recall} is the share of answerable questions (with resolved gold) whose gold sentence is among the
 * numbered sources; {@code prompt.tokens_avg} and {@code prompt.tokens_max} are estimated tokens per prompt.
 */
public record Summary(String dataset, Map<String, String> settings, int questions, int answerable,
                      int unanswerable, Map<String, Double> metrics) {

    public static Summary of(String dataset, Map<String, String> settings, List<QuestionResult> results) {
        List<QuestionResult> ans = results.stream().filter(QuestionResult::answerable).toList();
        List<QuestionResult> unans = results.stream().filter(r -> !r.answerable()).toList();
        List<QuestionResult> answered = ans.stream().filter(r -> !r.abstained()).toList();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("retrieval.recall@1", share(ans, r -> Metrics.hitAtK(r.goldRank(), 1)));
        m.put("retrieval.recall@3", share(ans, r -> Metrics.hitAtK(r.goldRank(), 3)));
        m.put("retrieval.recall@5", share(ans, r -> Metrics.hitAtK(r.goldRank(), 5)));
        m.put("retrieval.recall@10", share(ans, r -> Metrics.hitAtK(r.goldRank(), 10)));
        m.put("retrieval.mrr", ans.stream().mapToDouble(r -> Metrics.reciprocalRank(r.goldRank())).average().orElse(0));
        m.put("citation.first_holds_answer", share(ans, QuestionResult::firstCitationAnswers));
        m.put("citation.some_holds_answer", share(ans, QuestionResult::someCitationAnswers));
        m.put("citation.recall", ans.stream().mapToDouble(QuestionResult::citationRecall).average().orElse(0));
        m.put("citation.precision", answered.stream().mapToDouble(QuestionResult::citationPrecision).average().orElse(0));
        long cited = results.stream().mapToLong(r -> r.citations().size()).sum();
        long valid = results.stream().mapToLong(QuestionResult::citationsValid).sum();
        m.put("citation.validity", cited == 0 ? 1.0 : (double) valid / cited);
        m.put("answer.key_facts", share(ans, QuestionResult::keyFacts));
        m.put("answer.token_f1", ans.stream().mapToDouble(QuestionResult::tokenF1).average().orElse(0));
        m.put("answer.exact_match", ans.stream().mapToDouble(QuestionResult::exactMatch).average().orElse(0));
        m.put("answer.cited_supported", share(answered, QuestionResult::citedSupported));
        m.put("answer.cited_gold_supported", share(ans, QuestionResult::citedGoldSupported));
        List<QuestionResult> measured = ans.stream().filter(r -> r.goldInPrompt() != null && !r.gold().isEmpty()).toList();
        if (!measured.isEmpty()) {
            m.put("prompt.recall", share(measured, r -> r.goldInPrompt()));
            m.put("prompt.tokens_avg", results.stream().filter(r -> r.promptTokens() > 0)
                    .mapToInt(QuestionResult::promptTokens).average().orElse(0));
            m.put("prompt.tokens_max", (double) results.stream().mapToInt(QuestionResult::promptTokens).max().orElse(0));
        }
        java.util.Set<Integer> budgets = new java.util.TreeSet<>();
        results.forEach(r -> budgets.addAll(r.promptSweep().keySet()));
        for (int budget : budgets) {
            List<QuestionResult> swept = ans.stream().filter(r -> !r.gold().isEmpty() && r.promptSweep().containsKey(budget))
                    .toList();
            m.put("prompt.recall@" + budget, share(swept, r -> r.promptSweep().get(budget).goldIn()));
            m.put("prompt.tokens_avg@" + budget, results.stream().map(r -> r.promptSweep().get(budget))
                    .filter(p -> p != null && p.tokens() > 0).mapToInt(QuestionResult.PromptProbe::tokens).average().orElse(0));
        }
        m.put("abstention.false_refusals", share(ans, QuestionResult::abstained));
        if (!unans.isEmpty()) {
            m.put("abstention.correct_refusals", share(unans, QuestionResult::abstained));
        }
        List<Long> latencies = results.stream().map(QuestionResult::latencyMs).toList();
        m.put("latency.p50_ms", Metrics.percentile(latencies, 50));
        m.put("latency.p95_ms", Metrics.percentile(latencies, 95));
        return new Summary(dataset, settings, results.size(), ans.size(), unans.size(), m);
    }

    private static double share(List<QuestionResult> rs, java.util.function.Predicate<QuestionResult> p) {
        return rs.isEmpty() ? 0 : rs.stream().filter(p).count() / (double) rs.size();
    }

    /** This summary with {@code extra} metrics added after its own (e.g. the judge's). */
    public Summary withMetrics(Map<String, Double> extra) {
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        m.putAll(extra);
        return new Summary(dataset, settings, questions, answerable, unanswerable, m);
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric " + name + "; have " + metrics.keySet());
        }
        return v;
    }
}
