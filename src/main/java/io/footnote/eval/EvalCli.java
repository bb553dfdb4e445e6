package io.footnote.eval;

import io.footnote.app.Pipeline;
import io.footnote.config.FootnoteConfig;
import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The packaged application's evaluation commands ({@code java -jar quarkus-run.jar eval|check …}, run in Quarkus
 * command mode by {@link FootnoteCommand}; {@code ./mvnw -Peval verify} runs the same command):
 * <ul>
 *   <li>{@code eval --corpus DIR --questions FILE [--out DIR] [--junit FILE] [--limit N] [--min METRIC=VALUE]…}:
 *       see {@link EvalRun}.</li>
 *   <li>{@code check --answers FILE [--out DIR] [--junit FILE] [--min-passed SHARE]}: checks answers written by
 *       any system through the citation verifier ({@link AnswerFileCheck}).</li>
 * </ul>
 * Returns the process exit code: 0 when every gate holds, 1 when one fails, 2 for a usage error.
 */
public final class EvalCli {

    private EvalCli() {
    }

    /**
     * Runs {@code args} ({@code eval …} or {@code check …}) with the service's configuration {@code config}, as
     * Quarkus read it (see {@link FootnoteCommand}); prints to {@code out}.
     */
    public static int run(FootnoteConfig config, List<String> args, PrintStream out) {
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
                case "eval" -> EvalRun.evaluate(config, options, out);
                case "check" -> check(config, options, out);
                default -> usage(out, "unknown mode '" + args.getFirst() + "'");
            };
        } catch (IllegalArgumentException | UncheckedIOException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static int check(FootnoteConfig config, Map<String, List<String>> o, PrintStream out) {
        Path answers = path(o, "answers");
        if (answers == null) {
            return usage(out, "--answers FILE is required");
        }
        List<AnswerFileCheck.Line> lines = AnswerFileCheck.read(answers);
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

    /**
     * {@code METRIC=VALUE} gates, and {@code -Deval.min.METRIC=VALUE} system properties (the {@code -Peval}
     * profile's form): a metric below its value fails the run.
     */
    static int gates(List<String> mins, Summary summary, PrintStream out) {
        int failed = 0;
        List<String> all = new ArrayList<>(mins);
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("eval.min.")) {
                all.add(name.substring("eval.min.".length()) + "=" + System.getProperty(name));
            }
        }
        for (String m : all) {
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
        return load(questions, limit, 42, true);
    }

    /**
     * A golden set (all of it), or {@code limit} questions of a SQuAD file drawn with {@code seed} (0: all), its
     * articles written with their title as a headline or, {@code headlines} false, without one.
     */
    static EvalDataset load(Path questions, int limit, long seed, boolean headlines) {
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
        return SquadLoader.load(questions, limit == 0 ? Integer.MAX_VALUE : limit, seed, headlines);
    }

    static Path path(Map<String, List<String>> o, String key) {
        String v = one(o, key, null);
        return v == null ? null : Path.of(v);
    }

    static String one(Map<String, List<String>> o, String key, String fallback) {
        List<String> v = o.get(key);
        return v == null ? fallback : v.getLast();
    }

    static int usage(PrintStream out, String problem) {
        out.println("error: " + problem);
        out.println("usage: eval --corpus DIR --questions FILE(.jsonl|.json) [--out DIR | --work DIR] [--junit FILE]"
                + " [--limit N] [--seed S] [--headlines false] [--min METRIC=VALUE]... [--oracle true] [--judge true]"
                + " [--prompt-budgets N,M] [--features FILE.jsonl]");
        out.println("       check --answers FILE.jsonl [--out DIR] [--junit FILE] [--min-passed SHARE]");
        return 2;
    }
}
