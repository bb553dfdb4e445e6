package io.footnote.eval;

import dev.langchain4j.model.chat.ChatModel;
import io.footnote.llm.JudgePrompt;
import io.footnote.llm.JudgePrompt.Judgement;
import io.footnote.llm.JudgePrompt.Verdict;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The optional LLM-as-judge pass of an evaluation ({@code eval --judge true}): the configured model grades each
 * answer to an answerable question against its reference answers and required facts ({@link JudgePrompt}).
 *
 * <p>Metrics: {@code judge.accuracy} is the share of answerable questions with references whose answer the judge
 * found correct, a declined question counting as not correct (it is not asked), questions the judge could not
 * grade left out; {@code judge.unavailable} is the share of judge calls with no verdict (failed call, unreadable
 * reply), which never count as wrong.
 *
 * <p>{@link EvalRun} passes a guarded model: the judge's calls get the answer calls' retries and a circuit
 * breaker of their own, so a flaky provider is retried and a failing one gives unavailable verdicts at once
 * instead of one timeout per question.
 */
final class Judging {

    private Judging() {
    }

    /** The verdict on every answered, answerable question that has references, by question id. */
    static Map<String, Judgement> judge(ChatModel chat, List<EvalCase> cases, List<QuestionResult> results,
                                        PrintStream out) {
        Map<String, EvalCase> byId = cases.stream().collect(Collectors.toMap(EvalCase::id, Function.identity(),
                (a, b) -> a));
        Map<String, Judgement> verdicts = new LinkedHashMap<>();
        for (QuestionResult r : results) {
            EvalCase c = byId.get(r.id());
            List<String> references = c == null ? List.of() : references(c);
            if (!r.answerable() || r.abstained() || references.isEmpty()) {
                continue;
            }
            verdicts.put(r.id(), JudgePrompt.judge(chat, r.question(), references, r.answer()));
        }
        long unavailable = verdicts.values().stream().filter(j -> j.verdict() == Verdict.UNAVAILABLE).count();
        out.printf(Locale.ROOT, "Judge: %d answers graded, %d without a verdict%n", verdicts.size(), unavailable);
        return verdicts;
    }

    /** {@code judge.accuracy} and {@code judge.unavailable} over {@code results}, given the judge's verdicts. */
    static Map<String, Double> metrics(List<EvalCase> cases, List<QuestionResult> results,
                                       Map<String, Judgement> verdicts) {
        Map<String, EvalCase> byId = cases.stream().collect(Collectors.toMap(EvalCase::id, Function.identity(),
                (a, b) -> a));
        int graded = 0;
        int correct = 0;
        for (QuestionResult r : results) {
            EvalCase c = byId.get(r.id());
            if (!r.answerable() || c == null || references(c).isEmpty()) {
                continue;
            }
            Judgement j = verdicts.get(r.id());
            if (j != null && j.verdict() == Verdict.UNAVAILABLE) {
                continue;
            }
            graded++;
            if (j != null && j.verdict() == Verdict.CORRECT) {
                correct++;
            }
        }
        long unavailable = verdicts.values().stream().filter(j -> j.verdict() == Verdict.UNAVAILABLE).count();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("judge.accuracy", graded == 0 ? 0 : (double) correct / graded);
        m.put("judge.unavailable", verdicts.isEmpty() ? 0 : (double) unavailable / verdicts.size());
        return m;
    }

    /** The reference answers, then each required fact's alternatives joined by " or ". */
    static List<String> references(EvalCase c) {
        List<String> refs = new ArrayList<>(c.answers());
        c.facts().forEach(f -> refs.add("must state: " + String.join(" or ", f)));
        return refs;
    }
}
