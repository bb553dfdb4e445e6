package io.footnote.eval;

import io.footnote.app.Pipeline;
import io.footnote.config.FootnoteConfig;
import io.footnote.index.IndexedDocument;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.IngestReport;
import io.footnote.llm.CitationPrompt;
import io.footnote.llm.ModelCalls;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation command: indexes a SQuAD-format dataset into its own index and asks its questions through
 * the same pipeline the service runs, then writes {@code report.json} and {@code report.html}.
 *
 * <p>System properties: {@code eval.dataset} (SQuAD JSON file, required), {@code eval.limit} (questions,
 * default 1000; 0 = all), {@code eval.seed} (sampling seed, default 42), {@code eval.out} (report folder,
 * default {@code target/eval/<dataset>-<settings>}), {@code eval.min.<metric>} (fail when a metric is lower).
 * {@code eval.oracle=true} answers through the real OpenAI-compatible client from an {@link OracleReader} (the
 * language-model mode's ceiling). A golden set ({@code .jsonl}, or JSON with {@code cases}) can stand in for the
 * SQuAD file; its articles are then read from {@code eval.corpus} (default {@code docs-corpus}). The language
 * model's prompt is measured for every question ({@code prompt.recall}, {@code prompt.tokens_avg}) in any mode;
 * {@code eval.prompt-budgets=1000,2000} measures it under other budgets too ({@code prompt.recall@1000}, …).
 * Any {@code footnote.*} property changes the pipeline, e.g. {@code -Dfootnote.retrieval.mode=bm25},
 * {@code -Dfootnote.chunking.max-tokens=64}, {@code -Dfootnote.embedding.model=bge-small-en-v15-q}.
 */
public final class EvaluationCommand {

    private EvaluationCommand() {
    }

    public static void main(String[] args) throws java.io.IOException {
        String datasetPath = System.getProperty("eval.dataset");
        if (datasetPath == null || datasetPath.isBlank()) {
            System.err.println("Set -Deval.dataset=<SQuAD JSON file>, e.g. ../shared/eval/squad-v1.1-dev/dev-v1.1.json");
            System.exit(2);
        }
        int limit = Integer.parseInt(System.getProperty("eval.limit", "1000"));
        long seed = Long.parseLong(System.getProperty("eval.seed", "42"));
        Path work = Path.of(System.getProperty("eval.work", "target/eval"));

        boolean oracle = Boolean.getBoolean("eval.oracle");
        EvalDataset dataset = EvalCli.load(Path.of(datasetPath), limit);
        if (!dataset.files().isEmpty()) {
            dataset = SquadLoader.load(Path.of(datasetPath), limit, seed); // sampled with the chosen seed
        }
        String datasetName = dataset.name().replaceAll("\\.json$", "");
        Path corpus;
        if (dataset.files().isEmpty()) {
            corpus = Path.of(System.getProperty("eval.corpus", "docs-corpus"));
        } else {
            corpus = work.resolve("corpus").resolve(datasetName);
            writeCorpus(corpus, dataset.files());
        }

        FootnoteConfig probe = config(Map.of());
        String settings = String.format(Locale.ROOT, "%s-%s-%d-%d", probe.retrieval().mode().name().toLowerCase(Locale.ROOT),
                probe.embedding().model().configName(), probe.chunking().maxTokens(), probe.chunking().overlapSentences());
        Path data = work.resolve("data").resolve(datasetName + "-" + probe.embedding().model().configName() + "-"
                + probe.chunking().maxTokens() + "-" + probe.chunking().overlapSentences());
        Map<String, String> overrides = new HashMap<>(Map.of("footnote.corpus.path", corpus.toString(),
                "footnote.data.path", data.toString()));
        OracleReader reader = oracle ? OracleReader.start() : null;
        if (reader != null) {
            // The real OpenAI-compatible client, talking to the oracle; follow-ups are rewritten by the heuristic
            // so that every call the oracle sees is an answer.
            overrides.putAll(oracleSettings(reader));
            settings += "-oracle";
        }
        FootnoteConfig config = config(overrides);
        Path out = Path.of(System.getProperty("eval.out", work.resolve(datasetName + "-" + settings).toString()));

        // Outside Quarkus the fault-tolerance guard has no runtime: model calls go straight to the client.
        try (reader; Pipeline pipeline = Pipeline.builder(config).modelCalls(ModelCalls.direct()).build()) {
            System.out.printf(Locale.ROOT, "Indexing %d articles of %s …%n", dataset.files().size(), datasetName);
            IngestReport report = pipeline.ingest(p -> { });
            System.out.printf(Locale.ROOT, "Indexed %d documents, %d sentences, %d chunks in %d ms (%d embedded chunks, "
                            + "%.1f chunks/s)%n", report.documents(), report.sentences(), report.chunks(), report.millis(),
                    report.chunksEmbedded(), report.chunksPerSecond());
            var docs = pipeline.index();
            Evaluator evaluator = new Evaluator(pipeline.answers(), pipeline.retriever(),
                    id -> docs.document(id).map(IndexedDocument::document), config.retrieval().topK())
                    .withPrompt(pipeline.prompt(config.llm().promptTokens()));
            if (reader != null) {
                evaluator = evaluator.beforeAsking(reader::expect);
            }
            String budgets = System.getProperty("eval.prompt-budgets", "");
            if (!budgets.isBlank()) {
                Map<Integer, CitationPrompt> sweep = new java.util.TreeMap<>();
                for (String b : budgets.split(",")) {
                    int tokens = Integer.parseInt(b.strip());
                    sweep.put(tokens, pipeline.prompt(tokens));
                }
                evaluator = evaluator.withPromptSweep(sweep);
            }
            Map<String, String> raw = new HashMap<>();
            dataset.files().forEach((name, text) -> raw.put(ArticleReader.idOf(name), text));
            List<QuestionResult> results = evaluator.run(dataset.cases(),
                    Evaluator.resolver(id -> docs.document(id).map(IndexedDocument::document), raw::get), System.out);
            String features = System.getProperty("eval.features");
            if (features != null && pipeline.retriever() instanceof DefaultSentenceRetriever ranker) {
                dumpFeatures(Path.of(features), dataset, ranker, id -> docs.document(id).map(IndexedDocument::document),
                        Evaluator.resolver(id -> docs.document(id).map(IndexedDocument::document), raw::get),
                        config.retrieval().topK());
            }
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("mode", probe.retrieval().mode().name().toLowerCase(Locale.ROOT));
            shown.put("model", probe.embedding().model().configName());
            shown.put("chunk", probe.chunking().maxTokens() + "/" + probe.chunking().overlapSentences());
            shown.put("limit", String.valueOf(limit));
            shown.put("seed", String.valueOf(seed));
            shown.put("answerer", reader != null ? "oracle" : pipeline.llm().isPresent() ? config.llm().provider().name()
                    .toLowerCase(Locale.ROOT) : "extractive");
            shown.put("prompt-tokens", String.valueOf(config.llm().promptTokens()));
            Summary summary = Summary.of(datasetName, shown, results);
            ReportWriter.write(out, summary, results);
            System.out.print(ReportWriter.table(summary));
            System.out.print(RefusalCurve.table(RefusalCurve.of(results, RefusalCurve.THRESHOLDS)));
            System.out.println("Report: " + out.resolve("report.html").toAbsolutePath());
            int failed = gate(summary);
            if (failed > 0) {
                System.exit(1);
            }
        }
    }

    /**
     * The settings that send the pipeline's questions through the real OpenAI-compatible client to {@code reader};
     * follow-ups are rewritten by the heuristic, so that every call the oracle sees is an answer.
     */
    static Map<String, String> oracleSettings(OracleReader reader) {
        return Map.of("footnote.llm.provider", "openai", "footnote.llm.base-url", reader.baseUrl(),
                "footnote.llm.model", OracleReader.MODEL, "footnote.llm.api-key", "oracle",
                "footnote.llm.rewrite-follow-ups", "false");
    }

    /**
     * Writes, one JSON line per question, every candidate sentence's ranking signals and whether it holds
     * the answer: the data for fitting the ranker's weights ({@code -Deval.features=file.jsonl}).
     */
    private static void dumpFeatures(Path file, EvalDataset dataset, DefaultSentenceRetriever ranker,
                                     java.util.function.Function<String, java.util.Optional<io.footnote.domain.Document>> docs,
                                     java.util.function.Function<EvalCase.Support, java.util.Optional<String>> gold, int topK) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var out = Files.newBufferedWriter(file)) {
            for (EvalCase c : dataset.cases()) {
                java.util.Set<String> goldKeys = new java.util.HashSet<>();
                c.support().forEach(s -> gold.apply(s).ifPresent(goldKeys::add));
                List<Map<String, Object>> cands = new java.util.ArrayList<>();
                for (var k : ranker.candidates(c.question(), topK).candidates()) {
                    String text = docs.apply(k.documentId()).orElseThrow().sentenceText(k.sentenceIndex());
                    String key = k.documentId() + "#" + k.sentenceIndex();
                    boolean holds = goldKeys.contains(key) || c.answers().stream().anyMatch(a -> Metrics.containsNormalized(text, a));
                    cands.add(Map.ofEntries(Map.entry("sim", k.similarity()), Map.entry("ov", k.overlap()),
                            Map.entry("ctx", k.context()),
                            Map.entry("type", k.typeMatch()), Map.entry("gold", goldKeys.contains(key)),
                            Map.entry("holds", holds), Map.entry("len", text.length()), Map.entry("bi", k.bigrams()), Map.entry("text", text),
                            Map.entry("doc", k.documentId()), Map.entry("idx", k.sentenceIndex()),
                            Map.entry("nov", k.novelty()), Map.entry("nb", k.neighbour()), Map.entry("rare", k.rareCoverage())));
                }
                out.write(json.writeValueAsString(Map.of("id", c.id(), "q", c.question(), "answerable", c.answerable(),
                        "atype", ranker.candidates(c.question(), topK).answerType().name(), "cands", cands)));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Features: " + file.toAbsolutePath());
    }

    /** Checks {@code eval.min.<metric>} properties; returns how many metrics fell short. */
    private static int gate(Summary summary) {
        int failed = 0;
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("eval.min.")) {
                String metric = name.substring("eval.min.".length());
                double min = Double.parseDouble(System.getProperty(name));
                if (summary.metric(metric) < min) {
                    System.out.printf(Locale.ROOT, "FAILED: %s = %.3f < %.3f%n", metric, summary.metric(metric), min);
                    failed++;
                }
            }
        }
        return failed;
    }

    /** The service's configuration from system properties and environment, with {@code overrides} on top. */
    static FootnoteConfig config(Map<String, String> overrides) {
        SmallRyeConfig c = new SmallRyeConfigBuilder()
                .addDefaultSources()
                // Outside Quarkus its converters are not registered: the short duration form ("30s", "500ms")
                // and memory sizes ("50M"), as the service reads them.
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withSources(new PropertiesConfigSource(overrides, "eval-overrides", 1000))
                .withMapping(FootnoteConfig.class)
                .build();
        return c.getConfigMapping(FootnoteConfig.class);
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
