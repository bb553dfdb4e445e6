package io.footnote.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.footnote.cite.CachedEmbedder;
import io.footnote.cite.EvidenceFinder;
import io.footnote.cite.SourceText;
import io.footnote.cite.SupportScorer;
import io.footnote.cite.VerifierData;
import io.footnote.cite.VerifierData.Item;
import io.footnote.domain.Sentence;
import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Verifier quality on human-judged data in {@code ../shared/eval/}: macro-F1 over supported / not supported at
 * threshold 0.50, "before" = the best single sentence by {@link SupportScorer} (every sentence embedded), "after"
 * = {@link EvidenceFinder} (lexical shortlist, best sentence or two adjacent ones). The scorer's weights were
 * fitted on ExpertQA {@code domain_val} and HaluEval's even rows (rows marked "(fit)"; see
 * {@code io.footnote.cite.VerifierFit}); ExpertQA {@code rand_val} and HaluEval's odd rows are held out.
 * Accuracy by error kind too.
 * Not a test ({@code bench/} is excluded); run with
 * {@code ./mvnw -B test -Dtest=VerifierQualityBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.expertqa.max=N]}.
 */
class VerifierQualityBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXPERTQA_MAX = Integer.getInteger("bench.expertqa.max", Integer.MAX_VALUE);

    @Test
    void expertqa_and_halueval() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        OnnxEncoder encoder = EmbeddingModels.load(EmbeddingModels.Known.byName("all-minilm-l6-v2-q"), pool);
        CachedEmbedder cache = new CachedEmbedder(texts -> encoder.embedAll(texts.stream().map(TextSegment::from)
                .toList()).content().stream().map(Embedding::vector).toList(), 200_000);
        SupportScorer scorer = new SupportScorer(cache);
        EvidenceFinder finder = new EvidenceFinder(scorer);
        EvidenceFinder single = new EvidenceFinder(scorer, false);
        SentenceSplitter splitter = new SentenceSplitter();

        List<Item> items = new ArrayList<>(VerifierData.halueval());
        items.addAll(VerifierData.expertqa("domain_val", EXPERTQA_MAX));
        items.addAll(VerifierData.expertqa("rand_val", EXPERTQA_MAX));
        // Claims citing a bare address have no text to check; they are left out (see VerifierData).
        items.removeIf(it -> it.evidence().isEmpty());
        StringBuilder report = new StringBuilder("| set / kind | n | before acc | after acc | before macro-F1 | "
                + "shortlist only macro-F1 | after macro-F1 |\n|---|---|---|---|---|---|---|\n");
        Map<String, double[][]> byKind = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
        StringBuilder perItem = new StringBuilder();
        for (Item it : items) {
            List<SourceText> sources = it.evidence().stream().map(e -> SourceText.raw("1", e, splitter::split))
                    .filter(s -> !s.sentences().isEmpty()).toList();
            List<String> all = new ArrayList<>(List.of(it.claim()));
            sources.forEach(s -> s.sentences().forEach(x -> all.add(x.textIn(s.text()))));
            cache.prefetch(all);
            double before = 0;
            double after = 0;
            double shortlisted = 0;
            boolean multi = false;
            for (SourceText s : sources) {
                for (Sentence x : s.sentences()) {
                    before = Math.max(before, scorer.score(it.claim(), x.textIn(s.text())));
                }
                shortlisted = Math.max(shortlisted, single.find(it.claim(), s).support());
                var e = finder.find(it.claim(), s);
                if (e.support() > after) {
                    after = e.support();
                    multi = s.sentences().stream().filter(x -> x.start() >= e.start() && x.end() <= e.end()).count() > 1;
                }
            }
            rows.add(new double[]{it.label() ? 1 : 0, before, after, shortlisted});
            perItem.append(JSON.writeValueAsString(Map.of("set", it.set(), "group", it.group(), "claim", it.claim(),
                    "label", it.label(), "after", after))).append('\n');
            for (String kind : kinds(it, multi)) {
                byKind.computeIfAbsent(kind, k -> new double[1][]);
                byKind.put(kind, append(byKind.get(kind), new double[]{it.label() ? 1 : 0, before, after, shortlisted}));
            }
        }
        pool.shutdownNow();
        for (var e : byKind.entrySet()) {
            List<double[]> r = new ArrayList<>();
            for (double[] x : e.getValue()) {
                if (x != null) {
                    r.add(x);
                }
            }
            report.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", e.getKey(),
                    r.size(), acc(r, 1), acc(r, 2), f1(r, 1), f1(r, 3), f1(r, 2)));
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/verifier-quality.md"), report);
        // One line per claim (its verdict and score), for reading the errors.
        Files.writeString(Path.of("target/bench/verifier-items.jsonl"), perItem);
        System.out.println(report);
    }

    private static double[][] append(double[][] a, double[] x) {
        double[][] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = x;
        return out;
    }

    private static List<String> kinds(Item it, boolean multi) {
        String set = it.set().equals("halueval") ? "halueval-" + (it.group() % 2 == 0 ? "even (fit)" : "odd")
                : it.set().equals("expertqa-domain_val") ? "expertqa-domain_val (fit)" : it.set();
        List<String> out = new ArrayList<>(List.of(set + " all"));
        add(out, set, it, "numbers", c -> c.matches(".*\\d.*"));
        add(out, set, it, "names", c -> c.replaceFirst("^\\W*\\p{Lu}", "").matches(".*\\b\\p{Lu}\\p{Ll}+.*"));
        add(out, set, it, "negation", c -> c.matches("(?i).*\\b(not|no|never|n't|without)\\b.*"));
        if (multi) {
            out.add(set + " after-evidence spans 2 sentences");
        }
        return out;
    }

    private static void add(List<String> out, String set, Item it, String kind, Predicate<String> test) {
        if (test.test(it.claim())) {
            out.add(set + " " + kind);
        }
    }

    private static double acc(List<double[]> rows, int col) {
        return rows.stream().filter(r -> (r[col] >= 0.5) == (r[0] == 1)).count() / (double) rows.size();
    }

    private static double f1(List<double[]> rows, int col) {
        return (f1(rows, col, true) + f1(rows, col, false)) / 2;
    }

    private static double f1(List<double[]> rows, int col, boolean positive) {
        long tp = rows.stream().filter(r -> (r[col] >= 0.5) == positive && (r[0] == 1) == positive).count();
        long fp = rows.stream().filter(r -> (r[col] >= 0.5) == positive && (r[0] == 1) != positive).count();
        long fn = rows.stream().filter(r -> (r[col] >= 0.5) != positive && (r[0] == 1) == positive).count();
        return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }

}
