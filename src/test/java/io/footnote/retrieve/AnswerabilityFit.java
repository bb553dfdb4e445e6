package io.footnote.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fits {@link Answerability}: a logistic model over {@link Answerability#features} of a question's best-ranked
 * sentence, from the ranker's signals that {@code eval --features} dumps. Not a test (no Test suffix: the
 * default run skips it). Reproduce:
 *
 * <pre>
 * ./mvnw -B -DskipTests package
 * java -jar target/quarkus-app/quarkus-run.jar eval --questions ../shared/eval/squad-v1.1-dev/dev-v1.1.json \
 *      --limit 4000 --seed 11 --work target/eval --features target/fit/squad1.jsonl
 * java -jar target/quarkus-app/quarkus-run.jar eval --questions ../shared/eval/squad-v2.0-dev-half/dev-v2.0.json \
 *      --limit 1000 --seed 42 --work target/eval --features target/fit/squad2.jsonl
 * ./mvnw -B test -Dtest=AnswerabilityFit -Dsurefire.failIfNoSpecifiedTests=false \
 *      -Dfit.squad1=target/fit/squad1.jsonl -Dfit.squad2=target/fit/squad2.jsonl
 * </pre>
 *
 * <p>Examples (questions about even-numbered articles fit; odd-numbered ones are held out and printed):
 * <ul>
 *   <li>SQuAD v1.1: the best sentence, when it holds the answer, is answerable; and the question becomes one the
 *       articles do not answer once every sentence holding the answer and its two neighbours are taken from the
 *       candidates (the rest of its article stays): the best remaining sentence is not answerable. That is the
 *       on-topic question a large corpus does not answer: its article is there, the fact is not.</li>
 *   <li>SQuAD v2.0: the best sentence of an answerable question when it holds the answer; of every
 *       unanswerable question (written against the paragraph that nearly answers it).</li>
 * </ul>
 * Each source weighs half. The bias is then moved so that {@link Answerability#THRESHOLD} declines 5% of the
 * fitting split's answerable examples (each source weighing half). It prints the constants and, on the held-out
 * half, the share declined of each kind at that threshold.
 */
class AnswerabilityFit {

    private record Example(double[] x, boolean answerable, double weight, boolean uncovered) {
    }

    private static final int EPOCHS = 4000;
    private static final double RATE = 0.5;
    private static final double L2 = 1e-3;
    private static final double DECLINED_ANSWERABLE = 0.05;

    @Test
    void fit() throws Exception {
        List<JsonNode> squad1 = read(Path.of(System.getProperty("fit.squad1", "target/fit/squad1.jsonl")));
        List<JsonNode> squad2 = read(Path.of(System.getProperty("fit.squad2", "target/fit/squad2.jsonl")));
        List<Example> fit1 = examples(squad1, true, true);
        List<Example> fit2 = examples(squad2, true, false);
        List<Example> fitting = new ArrayList<>();
        fitting.addAll(weighted(fit1));
        fitting.addAll(weighted(fit2));

        double[] w = fit(fitting);
        double threshold = threshold(fitting, w);
        // σ(z + b') ≥ 0.5 exactly when σ(z + b) ≥ t, for b' = b − logit(t).
        w[w.length - 1] -= Math.log(threshold / (1 - threshold));
        System.out.printf(Locale.ROOT, "    static final double BIAS = %.2f;%n    static final double W_SIMILARITY = %.2f;%n"
                        + "    static final double W_OVERLAP = %.2f;%n    static final double W_RARE = %.2f;%n"
                        + "    static final double W_TYPE = %.2f;%n    static final double W_UNSUPPLIED = %.2f;%n",
                w[5], w[0], w[1], w[2], w[3], w[4]);
        print("fit SQuAD v1.1 (answered / simulated unanswered)", fit1, w);
        print("fit SQuAD v2.0", fit2, w);
        print("held-out SQuAD v1.1 (answered / simulated unanswered)", examples(squad1, false, true), w);
        print("held-out SQuAD v2.0", examples(squad2, false, false), w);
    }

    private static List<JsonNode> read(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    /** Questions about even-numbered ({@code fitting}) or odd-numbered articles ("036_yuan_dynasty" is 36). */
    private static List<Example> examples(List<JsonNode> questions, boolean fitting, boolean simulate) {
        List<Example> out = new ArrayList<>();
        for (JsonNode q : questions) {
            JsonNode cands = q.get("cands");
            if (cands.isEmpty()) {
                continue;
            }
            String doc = cands.get(0).get("doc").asText();
            int number = Integer.parseInt(doc.substring(0, doc.indexOf('_')));
            if ((number % 2 == 0) != fitting) {
                continue;
            }
            AnswerType type = AnswerType.valueOf(q.get("atype").asText());
            List<JsonNode> all = new ArrayList<>();
            cands.forEach(all::add);
            JsonNode top = best(all);
            if (!q.get("answerable").asBoolean()) {
                out.add(example(top, type, false));
                continue;
            }
            if (holds(top)) {
                out.add(example(top, type, true));
            }
            if (simulate) {
                Set<String> near = new HashSet<>();
                for (JsonNode c : all) {
                    if (holds(c)) {
                        for (int d = -1; d <= 1; d++) {
                            near.add(c.get("doc").asText() + "#" + (c.get("idx").asInt() + d));
                        }
                    }
                }
                List<JsonNode> rest = all.stream().filter(c -> !near.contains(c.get("doc").asText() + "#" + c.get("idx").asInt())).toList();
                if (!near.isEmpty() && !rest.isEmpty()) {
                    out.add(example(best(rest), type, false));
                }
            }
        }
        return out;
    }

    private static boolean holds(JsonNode c) {
        return c.get("holds").asBoolean() || c.get("gold").asBoolean();
    }

    private static JsonNode best(List<JsonNode> candidates) {
        return candidates.stream().max(Comparator.comparingDouble(c -> c.get("score").asDouble())).orElseThrow();
    }

    private static Example example(JsonNode c, AnswerType type, boolean answerable) {
        Candidate k = new Candidate(c.get("doc").asText(), c.get("idx").asInt(), c.get("sim").asDouble(),
                c.get("ov").asDouble(), c.get("ctx").asDouble(), c.get("type").asBoolean(), c.get("bi").asDouble(),
                c.get("nov").asDouble(), c.get("nb").asDouble(), c.get("rare").asDouble());
        return new Example(Answerability.features(k, type), answerable, 1, c.get("unc").asInt() > 0);
    }

    /** The same examples, weighing 1 / their number in all, so that each source counts alike. */
    private static List<Example> weighted(List<Example> examples) {
        return examples.stream().map(e -> new Example(e.x(), e.answerable(), 1.0 / examples.size(), e.uncovered())).toList();
    }

    /** Plain logistic regression by gradient descent on standardised inputs; weights then bias, raw scale. */
    private static double[] fit(List<Example> rows) {
        int n = rows.get(0).x().length;
        double total = rows.stream().mapToDouble(Example::weight).sum();
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (Example r : rows) {
            for (int k = 0; k < n; k++) {
                mean[k] += r.x()[k] * r.weight() / total;
            }
        }
        for (Example r : rows) {
            for (int k = 0; k < n; k++) {
                sd[k] += Math.pow(r.x()[k] - mean[k], 2) * r.weight() / total;
            }
        }
        for (int k = 0; k < n; k++) {
            sd[k] = Math.sqrt(sd[k]) + 1e-9;
        }
        double[] w = new double[n + 1];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] grad = new double[n + 1];
            for (Example r : rows) {
                double z = w[n];
                for (int k = 0; k < n; k++) {
                    z += w[k] * (r.x()[k] - mean[k]) / sd[k];
                }
                double g = (sigmoid(z) - (r.answerable() ? 1 : 0)) * r.weight() / total;
                for (int k = 0; k < n; k++) {
                    grad[k] += g * (r.x()[k] - mean[k]) / sd[k];
                }
                grad[n] += g;
            }
            for (int k = 0; k < n; k++) {
                w[k] -= RATE * (grad[k] + L2 * w[k]);
            }
            w[n] -= RATE * grad[n];
        }
        double[] raw = new double[n + 1];
        raw[n] = w[n];
        for (int k = 0; k < n; k++) {
            raw[k] = w[k] / sd[k];
            raw[n] -= w[k] * mean[k] / sd[k];
        }
        return raw;
    }

    /** The probability below which {@link #DECLINED_ANSWERABLE} of the answerable examples' weight lies. */
    private static double threshold(List<Example> rows, double[] w) {
        List<Example> answerable = rows.stream().filter(Example::answerable)
                .sorted(Comparator.comparingDouble(r -> probability(r, w))).toList();
        double total = answerable.stream().mapToDouble(Example::weight).sum();
        double seen = 0;
        for (Example r : answerable) {
            seen += r.weight();
            if (seen >= DECLINED_ANSWERABLE * total) {
                return probability(r, w);
            }
        }
        return 0.5;
    }

    private static double probability(Example r, double[] w) {
        double z = w[w.length - 1];
        for (int k = 0; k < r.x().length; k++) {
            z += w[k] * r.x()[k];
        }
        if (r.uncovered()) {
            z -= Math.log(Answerability.UNCOVERED_ODDS);
        }
        return sigmoid(z);
    }

    private static void print(String name, List<Example> rows, double[] w) {
        long answerable = rows.stream().filter(Example::answerable).count();
        long declinedAnswerable = rows.stream().filter(r -> r.answerable() && probability(r, w) < Answerability.THRESHOLD).count();
        long declinedOther = rows.stream().filter(r -> !r.answerable() && probability(r, w) < Answerability.THRESHOLD).count();
        System.out.printf(Locale.ROOT, "%-55s answerable declined %.3f (%d), unanswerable declined %.3f (%d)%n", name,
                declinedAnswerable / (double) Math.max(1, answerable), answerable,
                declinedOther / (double) Math.max(1, rows.size() - answerable), rows.size() - answerable);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
