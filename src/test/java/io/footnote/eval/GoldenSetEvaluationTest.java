package io.footnote.eval;

import io.footnote.app.Pipeline;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import io.footnote.support.Ready;
import io.footnote.app.ServiceLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the golden set for docs-corpus against the running service (extractive mode) and fails when a
 * metric drops below its gate. Gates sit a little under the values measured when they were set, so a
 * regression trips them while noise does not; the report lands in {@code target/eval/golden/}.
 */
@QuarkusTest
class GoldenSetEvaluationTest {

    @Inject
    ServiceLifecycle lifecycle;

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void golden_set_meets_measured_quality_gates() throws Exception {
        // given
        EvalDataset golden;
        try (InputStream in = getClass().getResourceAsStream("/eval/golden.json")) {
            golden = GoldenSetLoader.load(in);
        }
        Pipeline pipeline = lifecycle.serving().pipeline();
        Function<String, Optional<Document>> docs = id -> pipeline.index().document(id).map(IndexedDocument::document);
        var resolver = Evaluator.resolver(docs, id -> null);
        for (EvalCase c : golden.cases()) {
            for (EvalCase.Support s : c.support()) {
                assertTrue(resolver.apply(s).isPresent(), "golden support must name a real sentence: " + s);
            }
        }

        // when
        List<QuestionResult> results = new Evaluator(pipeline.answers(), pipeline.retriever(), docs, 8)
                .run(golden.cases(), resolver, System.out);
        Summary summary = Summary.of(golden.name(), java.util.Map.of("mode", "extractive"), results);
        ReportWriter.write(Path.of("target/eval/golden"), summary, results);
        System.out.print(ReportWriter.table(summary));

        // then
        assertTrue(golden.cases().size() >= 30);
        assertEquals(1.0, summary.metric("citation.validity"), "every citation resolves exactly");
        assertGate(summary, "citation.first_holds_answer", 0.80); // measured 0.889
        assertGate(summary, "citation.recall", 0.83); // measured 0.889
        assertGate(summary, "retrieval.recall@3", 0.90); // measured 1.0
        assertGate(summary, "answer.key_facts", 0.83); // measured 0.889
        assertGate(summary, "abstention.correct_refusals", 1.0); // measured 1.0: out-of-corpus questions
        assertTrue(summary.metric("abstention.false_refusals") <= 0.05, summary.metrics().toString());
    }

    private static void assertGate(Summary s, String metric, double min) {
        assertTrue(s.metric(metric) >= min, metric + " = " + s.metric(metric) + " < " + min + "; all: " + s.metrics());
    }
}
