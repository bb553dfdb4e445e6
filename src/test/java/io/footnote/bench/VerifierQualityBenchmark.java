package io.footnote.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.footnote.cite.CachedEmbedder;
import io.footnote.cite.EvidenceFinder;
import io.footnote.cite.Markers;
import io.footnote.cite.SourceText;
import io.footnote.cite.SupportScorer;
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
 * = {@link EvidenceFinder} (lexical shortlist, best sentence or two adjacent ones). Nothing here is fitted: both
 * run with the constants in the code, so every figure is on held-out data. Accuracy by error kind too.
 * Not a test ({@code bench/} is excluded); run with
 * {@code ./mvnw -B test -Dtest=VerifierQualityBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.expertqa.max=N]}.
 */
class VerifierQualityBenchmark {

    private record Item(String set, String claim, List<String> evidence, boolean label) {
    }

    private static final Path EVAL = Path.of(System.getProperty("footnote.eval.path", "../shared/eval"));
    private static final int EXPERTQA_MAX = Integer.getInteger("bench.expertqa.max", 600);
    private static final ObjectMapper JSON = new ObjectMapper();

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

        List<Item> items = new ArrayList<>(halueval());
        items.addAll(expertqa("domain_val"));
        StringBuilder report = new StringBuilder("| set / kind | n | before acc | after acc | before macro-F1 | "
                + "shortlist only macro-F1 | after macro-F1 |\n|---|---|---|---|---|---|---|\n");
        Map<String, double[][]> byKind = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
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
        System.out.println(report);
    }

    private static double[][] append(double[][] a, double[] x) {
        double[][] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = x;
        return out;
    }

    private static List<String> kinds(Item it, boolean multi) {
        List<String> out = new ArrayList<>(List.of(it.set() + " all"));
        add(out, it, "numbers", c -> c.matches(".*\\d.*"));
        add(out, it, "names", c -> c.replaceFirst("^\\W*\\p{Lu}", "").matches(".*\\b\\p{Lu}\\p{Ll}+.*"));
        add(out, it, "negation", c -> c.matches("(?i).*\\b(not|no|never|n't|without)\\b.*"));
        if (multi) {
            out.add(it.set() + " after-evidence spans 2 sentences");
        }
        return out;
    }

    private static void add(List<String> out, Item it, String kind, Predicate<String> test) {
        if (test.test(it.claim())) {
            out.add(it.set() + " " + kind);
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

    private static List<Item> halueval() throws Exception {
        List<Item> out = new ArrayList<>();
        for (String line : Files.readAllLines(EVAL.resolve("halueval-qa/qa_one-turn_data.json"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String k = n.get("knowledge").asText().replaceAll("\\.(?=\\p{Lu})", ". ");
            out.add(new Item("halueval", n.get("right_answer").asText(), List.of(k), true));
            out.add(new Item("halueval", n.get("hallucinated_answer").asText(), List.of(k), false));
        }
        return out;
    }

    private static List<Item> expertqa(String subset) throws Exception {
        List<Item> out = new ArrayList<>();
        for (String line : Files.readAllLines(EVAL.resolve("expertqa-val/" + subset + ".jsonl"))) {
            JsonNode q = JSON.readTree(line);
            for (JsonNode answer : q.get("answers")) {
                for (JsonNode c : answer.path("claims")) {
                    String support = c.path("support").asText("");
                    if (c.path("evidence").isEmpty() || !(support.equals("Complete") || support.equals("Partial")
                            || support.equals("Incomplete")) || out.size() >= EXPERTQA_MAX) {
                        continue;
                    }
                    List<String> evidence = new ArrayList<>();
                    for (JsonNode e : c.get("evidence")) {
                        String t = e.asText();
                        int body = t.indexOf("\n\n");
                        evidence.add((body >= 0 ? t.substring(body + 2) : t).strip());
                    }
                    out.add(new Item("expertqa-" + subset, Markers.strip(c.get("claim_string").asText()), evidence,
                            support.equals("Complete")));
                }
            }
        }
        return out;
    }
}
