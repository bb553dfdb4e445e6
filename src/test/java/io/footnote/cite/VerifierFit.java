package io.footnote.cite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fits {@link SupportScorer#SENTENCE} and {@link SupportScorer#PHRASE}: a logistic model per kind of claim over
 * (cosine, coverage, penalty) of a claim and a source sentence, the claim's support being its best sentence's.
 *
 * <p>Fitting split (named, and the only data the weights see):
 * <ul>
 *   <li>ExpertQA {@code domain_val}: claims whose cited evidence quotes text (a quarter cite a bare address,
 *       which nothing can be checked against), Complete = supported;</li>
 *   <li>HaluEval QA, even-numbered rows: the right answer supported, the hallucinated one not;</li>
 *   <li>the seed-article pairs of {@code verification/labelled.json} marked {@code dev}.</li>
 * </ul>
 * Each of the three counts equally (its items weigh 1 / its size). Held out, and printed: ExpertQA
 * {@code rand_val}, HaluEval odd rows, the seed pairs marked {@code test} and {@code fresh}.
 *
 * <p>Weights are kept non-negative (more similarity, coverage or fewer mismatches never lower support), then
 * the bias is moved so that 0.50 is the threshold with the best macro-F1 on the fitting split. Not a test (its
 * name has no Test suffix, so the default run skips it); run with
 * {@code ./mvnw -B test -Dtest=VerifierFit -Dsurefire.failIfNoSpecifiedTests=false}; it prints the weights as
 * Java constants and the figures per set.
 */
class VerifierFit {

    /** One claim: per candidate sentence its (cosine, coverage, penalty); its weight in the fit. */
    private record Row(String set, boolean phrase, boolean identical, List<double[]> sentences, boolean label,
                       double weight) {
    }

    private static final int EPOCHS = 4000;
    private static final double RATE = 2.0;
    private static final double L2 = 1e-3;

    @Test
    void fit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        OnnxEncoder encoder = EmbeddingModels.load(EmbeddingModels.Known.ALL_MINILM_L6_V2_Q, pool);
        CachedEmbedder cache = new CachedEmbedder(texts -> encoder.embedAll(texts.stream().map(TextSegment::from)
                .toList()).content().stream().map(Embedding::vector).toList(), 400_000);
        SupportScorer scorer = new SupportScorer(cache);
        EvidenceFinder finder = new EvidenceFinder(scorer);
        SentenceSplitter splitter = new SentenceSplitter();

        List<VerifierData.Item> items = new ArrayList<>(seed());
        items.addAll(VerifierData.halueval());
        items.addAll(VerifierData.expertqa("domain_val", Integer.MAX_VALUE));
        items.addAll(VerifierData.expertqa("rand_val", Integer.MAX_VALUE));
        // A claim that cites only an address has nothing to be checked against: left out of fit and figures.
        items.removeIf(it -> it.evidence().isEmpty());
        List<Row> fitting = new ArrayList<>();
        List<Row> heldOut = new ArrayList<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (VerifierData.Item it : items) {
            sizes.merge(fitSet(it), 1, Integer::sum);
        }
        for (VerifierData.Item it : items) {
            List<double[]> features = new ArrayList<>();
            boolean identical = false;
            for (String e : it.evidence()) {
                SourceText source = SourceText.raw("1", e, splitter::split);
                List<String> shortlist = finder.toEmbed(it.claim(), source);
                List<String> all = new ArrayList<>(shortlist);
                all.add(it.claim());
                cache.prefetch(all);
                for (int i = 0; i < source.sentences().size(); i++) {
                    String s = source.sentence(i);
                    identical |= SupportScorer.normalise(s).equals(SupportScorer.normalise(it.claim()));
                    double cos = shortlist.contains(s) ? scorer.similarity(it.claim(), s) : 0;
                    features.add(new double[]{cos, SupportScorer.coverage(it.claim(), s),
                            Mismatches.penalty(it.claim(), s)});
                }
            }
            String set = fitSet(it);
            Row row = new Row(set == null ? it.set() : set, SupportScorer.isPhrase(it.claim()), identical, features,
                    it.label(), set == null ? 0 : 1.0 / sizes.get(set));
            (set == null ? heldOut : fitting).add(row);
        }
        pool.shutdownNow();

        SupportScorer.Weights sentence = fit(fitting.stream().filter(r -> !r.phrase()).toList());
        SupportScorer.Weights phrase = fit(fitting.stream().filter(Row::phrase).toList());
        System.out.printf(Locale.ROOT, "    static final Weights SENTENCE = new Weights(%.2f, %.2f, %.2f, %.2f);%n"
                        + "    static final Weights PHRASE = new Weights(%.2f, %.2f, %.2f, %.2f);%n",
                sentence.similarity(), sentence.coverage(), sentence.penalty(), sentence.bias(),
                phrase.similarity(), phrase.coverage(), phrase.penalty(), phrase.bias());
        Map<String, List<Row>> bySet = new LinkedHashMap<>();
        fitting.forEach(r -> bySet.computeIfAbsent("fit " + r.set(), k -> new ArrayList<>()).add(r));
        heldOut.forEach(r -> bySet.computeIfAbsent("held-out " + r.set(), k -> new ArrayList<>()).add(r));
        bySet.forEach((set, rows) -> System.out.printf(Locale.ROOT, "  %-28s n=%4d macro-F1 %.3f%n", set, rows.size(),
                macroF1(rows, sentence, phrase, 0.5)));
    }

    /** The fitting set an item belongs to, or null when it is held out. */
    private static String fitSet(VerifierData.Item it) {
        if (it.set().equals("expertqa-domain_val") || it.set().equals("seed-dev")) {
            return it.set();
        }
        return it.set().equals("halueval") && it.group() % 2 == 0 ? "halueval-even" : null;
    }

    /**
     * Multiple-instance logistic regression: a claim's probability is its best sentence's, so each step follows
     * the gradient through the sentence that is best under the current weights. Then the bias moves so that 0.5
     * is the best macro-F1 threshold on these rows.
     */
    private static SupportScorer.Weights fit(List<Row> rows) {
        // Start where each signal counts once, so the first "best sentence" is a sensible one.
        double[] w = {1, 1, 1, -1.5}; // similarity, coverage, penalty, bias
        double total = rows.stream().mapToDouble(Row::weight).sum();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] grad = new double[4];
            for (Row r : rows) {
                double[] x = best(r, w);
                double p = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + w[3]);
                double g = (p - (r.label() ? 1 : 0)) * r.weight() / total;
                for (int k = 0; k < 3; k++) {
                    grad[k] += g * x[k];
                }
                grad[3] += g;
            }
            for (int k = 0; k < 3; k++) {
                w[k] = Math.max(0, w[k] - RATE * (grad[k] + L2 * w[k]));
            }
            w[3] -= RATE * grad[3];
        }
        SupportScorer.Weights raw = new SupportScorer.Weights(w[0], w[1], w[2], w[3]);
        double bestThreshold = 0.5;
        double bestF1 = -1;
        for (double t = 0.05; t < 0.951; t += 0.005) {
            double f1 = macroF1(rows, raw, raw, t);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestThreshold = t;
            }
        }
        // σ(z + b') ≥ 0.5 exactly when σ(z + b) ≥ t, for b' = b − logit(t).
        return new SupportScorer.Weights(w[0], w[1], w[2], w[3] - Math.log(bestThreshold / (1 - bestThreshold)));
    }

    private static double[] best(Row r, double[] w) {
        double[] best = {0, 0, 0};
        double bestZ = Double.NEGATIVE_INFINITY;
        for (double[] x : r.sentences()) {
            double z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2];
            if (z > bestZ) {
                bestZ = z;
                best = x;
            }
        }
        return best;
    }

    private static double support(Row r, SupportScorer.Weights sentence, SupportScorer.Weights phrase) {
        if (r.identical()) {
            return 1;
        }
        SupportScorer.Weights weights = r.phrase() ? phrase : sentence;
        double out = 0;
        for (double[] x : r.sentences()) {
            out = Math.max(out, weights.support(x[0], x[1], x[2]));
        }
        return out;
    }

    private static double macroF1(List<Row> rows, SupportScorer.Weights sentence, SupportScorer.Weights phrase,
                                  double threshold) {
        int[][] m = new int[2][2]; // [label][predicted]
        for (Row r : rows) {
            m[r.label() ? 1 : 0][support(r, sentence, phrase) >= threshold ? 1 : 0]++;
        }
        double f1Pos = 2.0 * m[1][1] / Math.max(1, 2 * m[1][1] + m[0][1] + m[1][0]);
        double f1Neg = 2.0 * m[0][0] / Math.max(1, 2 * m[0][0] + m[1][0] + m[0][1]);
        return (f1Pos + f1Neg) / 2;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static List<VerifierData.Item> seed() throws Exception {
        List<VerifierData.Item> out = new ArrayList<>();
        try (InputStream in = VerifierFit.class.getResourceAsStream("/verification/labelled.json")) {
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                out.add(new VerifierData.Item("seed-" + n.get("split").asText(), 0, n.get("claim").asText(),
                        List.of(n.get("source").asText()), n.get("label").asBoolean()));
            }
        }
        return out;
    }
}
