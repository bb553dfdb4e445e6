package io.footnote.cite;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.footnote.config.FootnoteConfig;
import io.footnote.support.DefaultModel;
import io.footnote.support.SeedCorpus;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How well the support score separates true citations from false ones, on the labelled pairs in
 * {@code src/test/resources/verification/labelled.json}: claims an answer might make, each with the seed-article
 * sentence it cites, labelled true (the sentence states the claim) or false (wrong sentence, altered number,
 * swapped name, reversed meaning, or an addition the sentence does not state). The pairs are split in three:
 * {@code dev} (one of the sets the scorer's weights are fitted on, see {@code VerifierFit}), {@code test} (held
 * out from the fit; under earlier hand-set weights its scores were seen while tuning) and {@code fresh} (24 pairs
 * written after that tuning ended, never tuned or fitted on).
 *
 * <p>"Positive" is "supported". Precision: of the citations marked supported, the share that truly are.
 * Recall: of the true citations, the share marked supported. The figures are printed;
 * {@code ./mvnw test -Dtest=VerificationQualityTest} shows them.
 */
class VerificationQualityTest {

    record Item(String claim, String source, String sourceId, boolean label, String kind, String split) {
    }

    record Scored(Item item, double score) {
    }

    private static SupportScorer scorer;
    private static List<Scored> scored;

    @BeforeAll
    static void score() throws IOException {
        EmbeddingModel model = DefaultModel.encoder();
        scorer = new SupportScorer(text -> model.embed(text).content().vector());
        List<Item> items;
        try (InputStream in = VerificationQualityTest.class.getResourceAsStream("/verification/labelled.json")) {
            items = List.of(new ObjectMapper().readValue(in, Item[].class));
        }
        scored = new ArrayList<>();
        for (Item i : items) {
            scored.add(new Scored(i, scorer.score(i.claim(), i.source())));
        }
    }

    static double configuredThreshold() throws NoSuchMethodException {
        return Double.parseDouble(FootnoteConfig.Verification.class.getMethod("minSupport")
                .getAnnotation(WithDefault.class).value());
    }

    /** Precision, recall, and the share of each kind of false pair caught, at {@code threshold}. */
    record Figures(int n, double precision, double recall, double f1, Map<String, String> caught) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d precision=%.3f recall=%.3f F1=%.3f false citations caught by kind %s",
                    n, precision, recall, f1, caught);
        }
    }

    static Figures figures(List<Scored> set, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        for (Scored s : set) {
            boolean predicted = s.score() >= threshold;
            if (s.item().label()) {
                if (predicted) tp++; else fn++;
            } else {
                if (predicted) fp++;
                int[] k = byKind.computeIfAbsent(s.item().kind(), x -> new int[2]);
                k[1]++;
                if (!predicted) k[0]++;
            }
        }
        double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        Map<String, String> caught = new TreeMap<>();
        byKind.forEach((k, v) -> caught.put(k, v[0] + "/" + v[1]));
        return new Figures(set.size(), p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), caught);
    }

    private static List<Scored> split(String name) {
        return scored.stream().filter(s -> name.equals("all") || s.item().split().equals(name)).toList();
    }

    @Test
    void labelled_sources_are_sentences_of_the_seed_articles() {
        String corpus = SeedCorpus.raw(SeedCorpus.MAO) + SeedCorpus.raw(SeedCorpus.DINAN);
        for (Scored s : scored) {
            assertTrue(corpus.contains(s.item().source()), s.item().sourceId());
        }
    }

    @Test
    void support_score_separates_true_from_false_citations() throws Exception {
        double threshold = configuredThreshold();
        Figures dev = figures(split("dev"), threshold);
        Figures test = figures(split("test"), threshold);
        Figures fresh = figures(split("fresh"), threshold);
        Figures all = figures(split("all"), threshold);
        System.out.printf(Locale.ROOT, "Verification at min-support %.2f%n  dev:   %s%n  test:  %s%n  fresh: %s%n"
                + "  all:   %s%n", threshold, dev, test, fresh, all);
        for (double t = 0.30; t <= 0.801; t += 0.05) {
            Figures d = figures(split("dev"), t);
            Figures h = figures(split("test"), t);
            System.out.printf(Locale.ROOT, "  threshold %.2f: dev P=%.3f R=%.3f | test P=%.3f R=%.3f%n",
                    t, d.precision(), d.recall(), h.precision(), h.recall());
        }
        if (Boolean.getBoolean("footnote.verification.dump")) {
            scored.stream().sorted(java.util.Comparator.comparingDouble(Scored::score)).forEach(s ->
                    System.out.printf(Locale.ROOT, "  %.3f %-5s %-14s %s | %s%n", s.score(), s.item().label(),
                            s.item().kind(), s.item().claim(), s.item().sourceId()));
        }
        // Gates a little under the measured figures (see README), so a change that makes verification worse fails.
        // Measured at 0.50: dev P 0.833 R 0.893, test P 0.813 R 0.929, fresh P 0.833 R 0.833. dev is one of the
        // three sets the scorer's weights are fitted on (VerifierFit); under the hand-set weights tuned on dev
        // alone it measured P 0.871 R 0.964, while test and fresh measured what they measure now.
        assertTrue(test.precision() >= 0.78 && test.recall() >= 0.88, "held-out: " + test);
        assertTrue(fresh.precision() >= 0.75 && fresh.recall() >= 0.75, "fresh: " + fresh);
        assertTrue(dev.precision() >= 0.80 && dev.recall() >= 0.86, "dev: " + dev);
    }
}
