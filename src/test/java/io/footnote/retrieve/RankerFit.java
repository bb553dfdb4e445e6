package io.footnote.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits {@link SentenceRanker#WEIGHTS}: a softmax over each question's candidate sentences whose probability mass
 * on the sentences that hold the answer is maximised (Adam, {@value #STEPS} steps, L2 {@value #L2}), over the
 * features {@link SentenceRanker#features} gives.
 *
 * <p>Data: the ranker dump ({@code eval --features FILE.jsonl}, see docs/eval.md) of every SQuAD v1.1 dev
 * question (10,570), written with
 * <pre>
 * java -Deval.features-only=true -jar target/quarkus-app/quarkus-run.jar eval \
 *     --questions ../shared/eval/squad-v1.1-dev/dev-v1.1.json --limit 0 --work target/eval --features FILE.jsonl
 * </pre>
 * Fitting split (the only data the weights see): questions about even-numbered articles (the article's
 * {@code NNN_} prefix). Held out, and printed: the odd-numbered ones. Also printed, for both: top-1 "the first
 * sentence holds the answer" of the former linear score and of the ranker, and for the second-sentence rule of
 * {@link io.footnote.answer.ExtractiveAnswerer} (a further sentence within a likelihood ratio of the best) the
 * share where some quoted sentence holds the answer and the sentences quoted per answer.
 *
 * <p>Not a test (no Test suffix: the default run skips it); run with
 * {@code ./mvnw -B test -Dtest=RankerFit -Dsurefire.failIfNoSpecifiedTests=false -Dranker.features=FILE.jsonl}.
 */
class RankerFit {

    private static final int STEPS = 1500;
    private static final double L2 = 1e-4;
    private static final double RATE = 0.05;

    /** One question: its candidates' features, whether each holds the answer, and each one's former score. */
    private record Question(boolean fitting, double[][] x, boolean[] holds, double[] former) {
        boolean informative() {
            boolean any = false;
            boolean all = true;
            for (boolean h : holds) {
                any |= h;
                all &= h;
            }
            return any && !all;
        }
    }

    @Test
    void fit() throws Exception {
        Path file = Path.of(System.getProperty("ranker.features", "target/ranker-features.jsonl"));
        List<Question> questions = read(file);
        List<Question> fitting = questions.stream().filter(Question::fitting).toList();
        List<Question> heldOut = questions.stream().filter(q -> !q.fitting()).toList();
        double[] w = fit(fitting.stream().filter(Question::informative).toList());
        StringBuilder constants = new StringBuilder("    static final double[] WEIGHTS = {");
        for (int i = 0; i < w.length; i++) {
            constants.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", w[i]));
        }
        System.out.println(constants.append("};"));
        for (int i = 0; i < w.length; i++) {
            System.out.printf(Locale.ROOT, "  %-16s %8.3f%n", SentenceRanker.NAMES[i], w[i]);
        }
        report("fitting (even articles)", fitting, w);
        report("held out (odd articles)", heldOut, w);
    }

    private static void report(String name, List<Question> qs, double[] w) {
        int formerTop = 0;
        int currentTop = 0;
        int rankerTop = 0;
        for (Question q : qs) {
            if (q.x().length == 0) {
                continue; // nothing retrieved: a miss for both
            }
            formerTop += q.holds()[argmax(q.former())] ? 1 : 0;
            currentTop += q.holds()[argmax(scores(q, SentenceRanker.WEIGHTS))] ? 1 : 0;
            rankerTop += q.holds()[argmax(scores(q, w))] ? 1 : 0;
        }
        // "current": the weights in SentenceRanker now, on the dumped features (a changed cue, before refitting)
        System.out.printf(Locale.ROOT, "%s: %d questions, top-1 holds the answer: former %.3f, current %.3f, "
                + "ranker %.3f%n", name, qs.size(), formerTop / (double) qs.size(), currentTop / (double) qs.size(),
                rankerTop / (double) qs.size());
        int formerSome = 0;
        int formerQuoted = 0;
        for (Question q : qs) {
            if (q.x().length == 0) {
                continue;
            }
            Integer[] order = order(q.former());
            double floor = Math.max(0.30, 0.85 * q.former()[order[0]]);
            boolean hit = false;
            int n = 0;
            for (Integer i : order) {
                if (n == 3 || q.former()[i] < floor) {
                    break;
                }
                hit |= q.holds()[i];
                n++;
            }
            formerSome += hit ? 1 : 0;
            formerQuoted += n;
        }
        System.out.printf(Locale.ROOT, "  former rule (score within 0.85 of the best): some holds %.3f, sentences per "
                + "question %.2f%n", formerSome / (double) qs.size(), formerQuoted / (double) qs.size());
        for (double ratio : new double[]{0.5, 0.4, 0.3, 0.25, 0.2, 0.135, 0.12, 0.1}) {
            int some = 0;
            int quoted = 0;
            for (Question q : qs) {
                if (q.x().length == 0) {
                    continue;
                }
                double[] z = scores(q, w);
                Integer[] order = order(z);
                boolean hit = false;
                int n = 0;
                for (Integer i : order) {
                    if (n == 3 || n > 0 && Math.exp(z[i] - z[order[0]]) < ratio) {
                        break;
                    }
                    hit |= q.holds()[i];
                    n++;
                }
                some += hit ? 1 : 0;
                quoted += n;
            }
            System.out.printf(Locale.ROOT, "  further sentences within likelihood ratio %.3f: some holds %.3f, "
                    + "sentences per question %.2f%n", ratio, some / (double) qs.size(), quoted / (double) qs.size());
        }
    }

    /** Adam on the mean negative log of the softmax mass on answer-holding candidates, plus L2. */
    private static double[] fit(List<Question> qs) {
        int d = SentenceRanker.NAMES.length;
        double[] w = new double[d];
        double[] m = new double[d];
        double[] v = new double[d];
        for (int t = 1; t <= STEPS; t++) {
            double[] g = new double[d];
            for (Question q : qs) {
                double[] z = scores(q, w);
                double max = z[argmax(z)];
                double all = 0;
                double held = 0;
                double[] e = new double[z.length];
                for (int i = 0; i < z.length; i++) {
                    e[i] = Math.exp(z[i] - max);
                    all += e[i];
                    held += q.holds()[i] ? e[i] : 0;
                }
                for (int i = 0; i < z.length; i++) {
                    double p = e[i] / all - (q.holds()[i] ? e[i] / held : 0);
                    for (int j = 0; j < d; j++) {
                        g[j] += p * q.x()[i][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] = g[j] / qs.size() + L2 * w[j];
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                w[j] -= RATE * (m[j] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[j] / (1 - Math.pow(0.999, t))) + 1e-8);
            }
        }
        return w;
    }

    private static double[] scores(Question q, double[] w) {
        double[] z = new double[q.x().length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < w.length; j++) {
                z[i] += w[j] * q.x()[i][j];
            }
        }
        return z;
    }

    /** Index of the highest value, the first on a tie. */
    private static int argmax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Integer[] order(double[] z) {
        Integer[] idx = new Integer[z.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(z[b], z[a]));
        return idx;
    }

    private static List<Question> read(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Question> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode r = json.readTree(line);
                JsonNode cands = r.get("cands");
                double[][] x = new double[cands.size()][];
                boolean[] holds = new boolean[cands.size()];
                double[] former = new double[cands.size()];
                for (int i = 0; i < cands.size(); i++) {
                    JsonNode c = cands.get(i);
                    JsonNode f = c.get("x");
                    x[i] = new double[f.size()];
                    for (int j = 0; j < f.size(); j++) {
                        x[i][j] = f.get(j).asDouble();
                    }
                    holds[i] = c.get("holds").asBoolean();
                    former[i] = c.get("score").asDouble();
                }
                int article = Integer.parseInt(r.get("article").asText().substring(0, 3));
                out.add(new Question(article % 2 == 0, x, holds, former));
            }
        }
        return out;
    }
}
