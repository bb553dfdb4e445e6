package io.footnote.opensearch;

import io.footnote.app.Pipeline;
import io.footnote.domain.Document;
import io.footnote.eval.EvalCase;
import io.footnote.eval.EvalDataset;
import io.footnote.config.FootnoteConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.footnote.eval.Evaluator;
import io.footnote.eval.GoldenSetLoader;
import io.footnote.eval.QuestionResult;
import io.footnote.eval.Summary;
import io.footnote.index.IndexedDocument;
import io.footnote.support.OpenSearchCluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Pipelines on either backend, configured as the service would be, for the OpenSearch integration tests. */
final class Backends {

    private Backends() {
    }

    /** A pipeline on the embedded index under {@code target/<data>}. */
    static Pipeline lucene(String data, Map<String, String> more) {
        Map<String, String> cfg = new HashMap<>(more);
        cfg.put("footnote.index.backend", "lucene");
        cfg.put("footnote.data.path", "target/" + data);
        return Pipeline.open(config(cfg));
    }

    /** A pipeline on the shared cluster's index {@code indexName} (one replica). */
    static Pipeline openSearch(OpenSearchCluster cluster, String indexName, Map<String, String> more) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("footnote.index.backend", "opensearch");
        cfg.put("footnote.opensearch.hosts", cluster.hosts());
        cfg.put("footnote.opensearch.index-name", indexName);
        cfg.put("footnote.opensearch.replicas", "1");
        cfg.putAll(more);
        return Pipeline.open(config(cfg));
    }

    /**
     * The service's configuration (defaults, application.properties) with {@code overrides} on top, built as
     * the evaluation command builds it. Unknown {@code footnote.*} keys are let through: failsafe passes
     * {@code -Dfootnote.app.jar}, which is the tests' setting, not the service's.
     */
    static FootnoteConfig config(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withSources(new PropertiesConfigSource(overrides, "test-overrides", 1000))
                .withMapping(FootnoteConfig.class)
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(FootnoteConfig.class);
    }

    static EvalDataset golden() {
        try (InputStream in = Backends.class.getResourceAsStream("/eval/golden.json")) {
            return GoldenSetLoader.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the golden set (extractive answers) on a pipeline whose index holds docs-corpus. */
    static Summary evaluate(Pipeline pipeline, String label) {
        EvalDataset golden = golden();
        Function<String, Optional<Document>> docs = id -> pipeline.index().document(id).map(IndexedDocument::document);
        List<QuestionResult> results = new Evaluator(pipeline.answers(), pipeline.retriever(), docs, 8)
                .run(golden.cases(), Evaluator.resolver(docs, id -> null), new PrintStream(OutputStream.nullOutputStream()));
        return Summary.of(golden.name(), Map.of("backend", label), results);
    }

    static List<EvalCase> cases() {
        return golden().cases();
    }
}
