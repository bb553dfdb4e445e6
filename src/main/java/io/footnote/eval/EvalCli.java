package io.footnote.eval;

import io.footnote.app.Pipeline;
import io.footnote.config.FootnoteConfig;
import io.footnote.embed.EmbeddingModels;
import io.footnote.index.IndexedDocument;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.IngestReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The packaged application's evaluation commands ({@code java -jar quarkus-run.jar eval|check …}):
 * <ul>
 *   <li>{@code eval --corpus DIR --questions FILE [--out DIR] [--junit FILE] [--limit N] [--min METRIC=VALUE]…}:
 *       indexes {@code DIR} into an index of its own under {@code --out}, asks every question with the answerer
 *       the configuration selects (extractive, or the configured model: same {@code footnote.*} settings as
 *       serving), writes {@code report.json}, {@code report.html} and JUnit XML. {@code FILE} is a JSON Lines
 *       golden set ({@link JsonlGoldenSet}), a JSON golden set ({@code {"name", "cases"}}) or a SQuAD file (its
 *       articles are then the corpus; {@code --corpus} is not needed).</li>
 *   <li>{@code check --answers FILE [--out DIR] [--junit FILE] [--min-passed SHARE]}: checks answers written by
 *       any system through the citation verifier ({@link AnswerFileCheck}).</li>
 * </ul>
 * Returns the process exit code: 0 when every gate holds, 1 when one fails, 2 for a usage error.
 */
public final class EvalCli {

    private EvalCli() {
    }

    public static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            return usage(out, "no mode given");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                return usage(out, "expected --option value at '" + a + "'");
            }
            options.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(args.get(++i));
        }
        try {
            return switch (args.getFirst()) {
                case "eval" -> evaluate(options, out);
                case "check" -> check(options, out);
                default -> usage(out, "unknown mode '" + args.getFirst() + "'");
            };
        } catch (IllegalArgumentException | UncheckedIOException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static int evaluate(Map<String, List<String>> o, PrintStream out) throws IllegalArgumentException {
        Path questions = path(o, "questions");
        if (questions == null) {
            return usage(out, "--questions FILE is required");
        }
        Path outDir = Path.of(one(o, "out", "eval-report"));
        int limit = Integer.parseInt(one(o, "limit", "0"));
        EvalDataset dataset = load(questions, limit);
        Path corpus = path(o, "corpus");
        if (!dataset.files().isEmpty()) {
            corpus = outDir.resolve("corpus");
            EvaluationCommand.writeCorpus(corpus, dataset.files());
        } else if (corpus == null || !Files.isDirectory(corpus)) {
            return usage(out, "--corpus DIR (an existing folder of articles) is required for " + questions);
        }
        Map<String, String> overrides = new HashMap<>(Map.of("footnote.corpus.path", corpus.toString(),
                "footnote.data.path", outDir.resolve("data").toString()));
        // --oracle true: the language-model mode's ceiling, through the real OpenAI-compatible client, against a
        // stand-in model that copies the supporting sentence when its prompt holds it (see OracleReader).
        OracleReader reader = Boolean.parseBoolean(one(o, "oracle", "false")) ? OracleReader.start() : null;
        if (reader != null) {
            overrides.putAll(EvaluationCommand.oracleSettings(reader));
        }
        FootnoteConfig config = EvaluationCommand.config(overrides);
        // The oracle never fails, so its calls go straight to the client rather than through retries.
        try (reader; Pipeline pipeline = reader == null ? Pipeline.open(config)
                : Pipeline.builder(config).modelCalls(io.footnote.llm.ModelCalls.direct()).build()) {
            IngestReport ingest = pipeline.ingest(p -> { });
            out.printf(Locale.ROOT, "Indexed %d documents, %d sentences, %d chunks in %d ms%n", ingest.documents(),
                    ingest.sentences(), ingest.chunks(), ingest.millis());
            var docs = pipeline.index();
            var documents = (java.util.function.Function<String, java.util.Optional<io.footnote.domain.Document>>)
                    id -> docs.document(id).map(IndexedDocument::document);
            Map<String, String> raw = new HashMap<>();
            dataset.files().forEach((name, text) -> raw.put(ArticleReader.idOf(name), text));
            Evaluator evaluator = new Evaluator(pipeline.answers(), pipeline.retriever(), documents,
                    config.retrieval().topK()).withPrompt(pipeline.prompt(config.llm().promptTokens()));
            if (reader != null) {
                evaluator = evaluator.beforeAsking(reader::expect);
            }
            List<QuestionResult> results = evaluator.run(dataset.cases(), Evaluator.resolver(documents, raw::get), out);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("answerer", reader != null ? "oracle" : pipeline.llm().isPresent()
                    ? config.llm().provider().name().toLowerCase(Locale.ROOT) : "extractive");
            settings.put("retrieval", config.retrieval().mode().name().toLowerCase(Locale.ROOT));
            settings.put("model", config.embedding().model().configName());
            Summary summary = Summary.of(dataset.name(), settings, results);
            ReportWriter.write(outDir, summary, results);
            Path junit = Path.of(one(o, "junit", outDir.resolve("junit.xml").toString()));
            JUnitReport.write(junit, "footnote.eval." + dataset.name(), JUnitReport.of(results));
            out.print(ReportWriter.table(summary));
            out.print(RefusalCurve.table(RefusalCurve.of(results, RefusalCurve.THRESHOLDS)));
            out.println("Reports: " + outDir.toAbsolutePath() + " (JUnit XML: " + junit.toAbsolutePath() + ")");
            return gates(o.getOrDefault("min", List.of()), summary, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int check(Map<String, List<String>> o, PrintStream out) {
        Path answers = path(o, "answers");
        if (answers == null) {
            return usage(out, "--answers FILE is required");
        }
        List<AnswerFileCheck.Line> lines = AnswerFileCheck.read(answers);
        FootnoteConfig config = EvaluationCommand.config(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().daemon().factory());
        try {
            OnnxEncoder encoder = EmbeddingModels.load(config.embedding().model(), pool);
            List<AnswerFileCheck.Verdict> verdicts = AnswerFileCheck.check(lines,
                    Pipeline.checker(encoder, config.verification().minSupport()));
            long passed = verdicts.stream().filter(AnswerFileCheck.Verdict::passed).count();
            for (AnswerFileCheck.Verdict v : verdicts) {
                out.printf(Locale.ROOT, "%s %s: %d claims, %d unsupported%n", v.passed() ? "PASS" : "FAIL", v.id(),
                        v.claims(), v.unsupported().size());
            }
            Path outDir = Path.of(one(o, "out", "check-report"));
            Path junit = Path.of(one(o, "junit", outDir.resolve("junit.xml").toString()));
            JUnitReport.write(junit, "footnote.check." + answers.getFileName(), AnswerFileCheck.cases(verdicts));
            double share = verdicts.isEmpty() ? 1 : (double) passed / verdicts.size();
            double min = Double.parseDouble(one(o, "min-passed", "1.0"));
            out.printf(Locale.ROOT, "%d of %d answers fully supported (%.3f; gate %.3f). JUnit XML: %s%n", passed,
                    verdicts.size(), share, min, junit.toAbsolutePath());
            return share + 1e-9 < min ? 1 : 0;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code METRIC=VALUE} gates: a metric below its value fails the run. */
    static int gates(List<String> mins, Summary summary, PrintStream out) {
        int failed = 0;
        for (String m : mins) {
            int eq = m.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--min takes METRIC=VALUE, e.g. answer.key_facts=0.8; got " + m);
            }
            String metric = m.substring(0, eq);
            double min = Double.parseDouble(m.substring(eq + 1));
            double got = summary.metric(metric);
            if (got < min) {
                out.printf(Locale.ROOT, "FAILED: %s = %.3f < %.3f%n", metric, got, min);
                failed++;
            }
        }
        return failed > 0 ? 1 : 0;
    }

    static EvalDataset load(Path questions, int limit) {
        String name = questions.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            return JsonlGoldenSet.load(questions);
        }
        try (InputStream in = Files.newInputStream(questions)) {
            String head = new String(in.readNBytes(4096));
            if (head.contains("\"cases\"")) {
                try (InputStream again = Files.newInputStream(questions)) {
                    return GoldenSetLoader.load(again);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + questions, e);
        }
        return SquadLoader.load(questions, limit == 0 ? Integer.MAX_VALUE : limit, 42);
    }

    private static Path path(Map<String, List<String>> o, String key) {
        String v = one(o, key, null);
        return v == null ? null : Path.of(v);
    }

    private static String one(Map<String, List<String>> o, String key, String fallback) {
        List<String> v = o.get(key);
        return v == null ? fallback : v.getLast();
    }

    private static int usage(PrintStream out, String problem) {
        out.println("error: " + problem);
        out.println("usage: eval --corpus DIR --questions FILE(.jsonl|.json) [--out DIR] [--junit FILE] [--limit N]"
                + " [--min METRIC=VALUE]... [--oracle true]");
        out.println("       check --answers FILE.jsonl [--out DIR] [--junit FILE] [--min-passed SHARE]");
        return 2;
    }
}
