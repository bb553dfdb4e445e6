package io.footnote.eval;

import io.footnote.app.Pipeline;
import io.footnote.config.FootnoteConfig;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.IngestReport;
import dev.langchain4j.model.chat.ChatModel;
import io.footnote.llm.CitationPrompt;
import io.footnote.llm.GuardedChatModel;
import io.footnote.llm.GuardedModelCalls;
import io.footnote.llm.JudgePrompt;
import io.footnote.llm.ModelCalls;
import io.footnote.retrieve.DefaultSentenceRetriever;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static io.footnote.eval.EvalCli.one;
import static io.footnote.eval.EvalCli.path;

/**
 * The {@code eval} command: {@code eval --questions FILE [--corpus DIR] [--out DIR | --work DIR] [--junit FILE]
 * [--limit N] [--seed S] [--min METRIC=VALUE]… [--oracle true] [--judge true] [--prompt-budgets N,M]
 * [--features FILE]}.
 *
 * <p>Indexes the corpus into an index of its own (never the service's), asks every question with the answerer
 * the configuration selects (extractive, or the configured model: the same {@code footnote.*} settings as
 * serving, read by Quarkus), and writes {@code report.json}, {@code report.html} and JUnit XML. {@code FILE} is a
 * JSON Lines golden set ({@link JsonlGoldenSet}), a JSON golden set ({@code {"name", "cases"}}) or a SQuAD file
 * (its articles are then the corpus, and {@code --limit} questions are drawn with {@code --seed}, default 42).
 *
 * <p>Folders: {@code --out DIR} holds the reports and the index ({@code DIR/data}); {@code --work DIR} is the
 * {@code ./mvnw -Peval verify} layout instead: reports in {@code DIR/<dataset>-<settings>}, the index in
 * {@code DIR/data/<dataset>-<model>-<chunking>} (kept between runs, so a retrieval ablation re-embeds nothing).
 * {@code --oracle true} answers through the real OpenAI-compatible client from an {@link OracleReader} (the
 * language-model mode's ceiling); {@code --judge true} has the configured model grade each answer
 * ({@link Judging}; off by default). {@code --prompt-budgets} (or {@code -Deval.prompt-budgets}) measures the
 * model's prompt under other budgets; {@code --features} (or {@code -Deval.features}) writes the ranker's signals
 * ({@link FeatureDump}). Returns 0, 1 when a gate fails, 2 for a usage error.
 */
final class EvalRun {

    /** Runs in this JVM, for naming each run's circuit breaker. */
    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    private EvalRun() {
    }

    static int evaluate(FootnoteConfig base, Map<String, List<String>> o, PrintStream out) {
        Path questions = path(o, "questions");
        if (questions == null) {
            return EvalCli.usage(out, "--questions FILE is required");
        }
        if (!Files.isRegularFile(questions)) {
            return EvalCli.usage(out, "no questions file " + questions + " (./mvnw -Peval verify: -Deval.dataset=FILE)");
        }
        int limit = Integer.parseInt(one(o, "limit", "0"));
        long seed = Long.parseLong(one(o, "seed", "42"));
        boolean oracle = Boolean.parseBoolean(one(o, "oracle", "false"));
        boolean judge = Boolean.parseBoolean(one(o, "judge", "false"));
        boolean headlines = Boolean.parseBoolean(one(o, "headlines", "true"));
        EvalDataset dataset = EvalCli.load(questions, limit, seed, headlines);
        String name = dataset.name().replaceAll("\\.json$", "");
        String index = String.format(Locale.ROOT, "%s-%d-%d", base.embedding().model().configName(),
                base.chunking().maxTokens(), base.chunking().overlapSentences());
        String settings = base.retrieval().mode().name().toLowerCase(Locale.ROOT) + "-" + index + (oracle ? "-oracle" : "");
        Path work = path(o, "work");
        Path outDir = Path.of(one(o, "out", work != null ? work.resolve(name + "-" + settings).toString() : "eval-report"));
        Path data = work != null ? work.resolve("data").resolve(name + "-" + index) : outDir.resolve("data");
        Path corpus = path(o, "corpus");
        if (!dataset.files().isEmpty()) {
            corpus = work != null ? work.resolve("corpus").resolve(name) : outDir.resolve("corpus");
            writeCorpus(corpus, dataset.files());
        } else if (corpus == null || !Files.isDirectory(corpus)) {
            return EvalCli.usage(out, "--corpus DIR (an existing folder of articles) is required for " + questions);
        }
        if (judge && (oracle || base.llm().provider() == io.footnote.llm.LlmProvider.NONE)) {
            return EvalCli.usage(out, "--judge true needs a configured model (footnote.llm.provider), not the oracle");
        }
        int run = RUNS.incrementAndGet();
        // The oracle never fails, so its calls go straight to the client rather than through retries.
        try (OracleReader reader = oracle ? OracleReader.start() : null;
             Pipeline pipeline = pipeline(ConfigOverlay.of(base, corpus, data,
                     reader == null ? Map.of() : ConfigOverlay.oracle(reader)), reader != null, run)) {
            FootnoteConfig config = pipeline.config();
            out.printf(Locale.ROOT, "Indexing %s into %s …%n", corpus, data);
            IngestReport ingest = pipeline.ingest(p -> { });
            out.printf(Locale.ROOT, "Indexed %d documents, %d sentences, %d chunks in %d ms (%d embedded chunks, "
                            + "%.1f chunks/s)%n", ingest.documents(), ingest.sentences(), ingest.chunks(), ingest.millis(),
                    ingest.chunksEmbedded(), ingest.chunksPerSecond());
            var docs = pipeline.index();
            Function<String, Optional<Document>> documents = id -> docs.document(id).map(IndexedDocument::document);
            Evaluator evaluator = new Evaluator(pipeline.answers(), pipeline.retriever(), documents,
                    config.retrieval().topK()).withPrompt(pipeline.prompt(config.llm().promptTokens()),
                    config.llm().promptTopK());
            if (reader != null) {
                evaluator = evaluator.beforeAsking(reader::expect);
            }
            String budgets = one(o, "prompt-budgets", System.getProperty("eval.prompt-budgets", ""));
            if (!budgets.isBlank()) {
                Map<Integer, CitationPrompt> sweep = new TreeMap<>();
                for (String b : budgets.split(",")) {
                    sweep.put(Integer.parseInt(b.strip()), pipeline.prompt(Integer.parseInt(b.strip())));
                }
                evaluator = evaluator.withPromptSweep(sweep);
            }
            Map<String, String> raw = new HashMap<>();
            dataset.files().forEach((file, text) -> raw.put(ArticleReader.idOf(file), text));
            var resolver = Evaluator.resolver(documents, raw::get);
            String features = one(o, "features", System.getProperty("eval.features"));
            // Only the ranker's training data (-Deval.features-only=true): the fitting split is every question of
            // a set, which the full evaluation would take an hour over.
            boolean featuresOnly = features != null && Boolean.getBoolean("eval.features-only");
            List<QuestionResult> results = featuresOnly ? List.of() : evaluator.run(dataset.cases(), resolver, out);
            if (features != null && pipeline.retriever() instanceof DefaultSentenceRetriever ranker) {
                FeatureDump.write(Path.of(features), dataset, ranker, documents, resolver, config.retrieval().topK());
                out.println("Features: " + Path.of(features).toAbsolutePath());
            }
            if (featuresOnly) {
                return 0;
            }
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("mode", config.retrieval().mode().name().toLowerCase(Locale.ROOT));
            shown.put("model", config.embedding().model().configName());
            shown.put("chunk", config.chunking().maxTokens() + "/" + config.chunking().overlapSentences());
            shown.put("limit", String.valueOf(limit));
            shown.put("seed", String.valueOf(seed));
            shown.put("answerer", reader != null ? "oracle" : pipeline.llm().isPresent()
                    ? config.llm().provider().name().toLowerCase(Locale.ROOT) : "extractive");
            shown.put("prompt-tokens", String.valueOf(config.llm().promptTokens()));
            shown.put("prompt-top-k", String.valueOf(config.llm().promptTopK()));
            Map<String, JudgePrompt.Judgement> verdicts = Map.of();
            if (judge) {
                shown.put("judge", config.llm().provider().name().toLowerCase(Locale.ROOT));
                verdicts = Judging.judge(judgeModel(pipeline, run), dataset.cases(), results, out);
            }
            Summary summary = Summary.of(name, shown, results);
            if (judge) {
                summary = summary.withMetrics(Judging.metrics(dataset.cases(), results, verdicts));
            }
            ReportWriter.write(outDir, summary, results, verdicts);
            Path junit = Path.of(one(o, "junit", outDir.resolve("junit.xml").toString()));
            Map<String, String> notes = new HashMap<>();
            verdicts.forEach((id, j) -> notes.put(id, "judge: " + j.verdict().name().toLowerCase(Locale.ROOT)
                    + (j.reason().isBlank() ? "" : " (" + j.reason() + ")")));
            Map<String, String> properties = new LinkedHashMap<>();
            summary.metrics().forEach((k, v) -> properties.put(k, String.format(Locale.ROOT, "%.4f", v)));
            JUnitReport.write(junit, "footnote.eval." + dataset.name(), JUnitReport.of(results, notes), properties);
            out.print(ReportWriter.table(summary));
            out.print(RefusalCurve.table(RefusalCurve.of(results, RefusalCurve.THRESHOLDS)));
            out.println("Reports: " + outDir.toAbsolutePath() + " (report.html; JUnit XML: " + junit.toAbsolutePath() + ")");
            return EvalCli.gates(o.getOrDefault("min", List.of()), summary, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The run's pipeline. Its model calls are guarded as the service's are (retries, a circuit breaker), under a
     * breaker of its own: a second breaker named as the service's would be refused.
     */
    private static Pipeline pipeline(FootnoteConfig config, boolean direct, int run) {
        ModelCalls calls = direct ? ModelCalls.direct() : new GuardedModelCalls(config.llm(),
                io.micrometer.core.instrument.Metrics.globalRegistry, GuardedModelCalls.BREAKER + "-eval-" + run);
        return Pipeline.builder(config).modelCalls(calls).build();
    }

    /**
     * The judge's model: the pipeline's chat client under the same policy as answer calls (per-attempt timeout
     * {@code footnote.llm.timeout}, {@code max-retries} retries with backoff on transient failures, a circuit
     * breaker), but with a breaker of its own ({@code footnote-llm-judge-<run>}), so a judge that fails does not
     * pause answering, nor the reverse. Once the breaker is open, the remaining calls fail at once and their
     * verdicts are unavailable.
     */
    private static ChatModel judgeModel(Pipeline pipeline, int run) {
        return new GuardedChatModel(pipeline.llm().orElseThrow().clients().chat(),
                new GuardedModelCalls(pipeline.config().llm(), io.micrometer.core.instrument.Metrics.globalRegistry,
                        GuardedModelCalls.BREAKER + "-judge-" + run));
    }

    /** Writes a data set's articles into {@code dir}, leaving files that already hold the same text untouched. */
    static void writeCorpus(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (var e : files.entrySet()) {
                Path f = dir.resolve(e.getKey());
                if (!Files.exists(f) || !Files.readString(f).equals(e.getValue())) {
                    Files.writeString(f, e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
