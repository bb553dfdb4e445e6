package io.footnote.metrics;

import io.footnote.answer.Answer;
import io.footnote.app.Answers;
import io.footnote.app.Documents;
import io.footnote.app.Ingestion;
import io.footnote.cite.Citation;
import io.footnote.ingest.IngestTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Footnote's own figures at {@code /q/metrics} (Prometheus format), beside Quarkus's HTTP and JVM ones:
 * <ul>
 *   <li>{@code footnote_questions_total{mode, outcome}}: outcome {@code answered}, {@code declined} (the
 *       articles do not say) or {@code fell_back} (a language model failed and the extractive answerer took
 *       over: the answer carries a notice);</li>
 *   <li>{@code footnote_retrieval_seconds}, {@code footnote_answering_seconds} and, within answering,
 *       {@code footnote_verification_seconds}: where a question's time went;</li>
 *   <li>{@code footnote_model_tokens_total{kind}} (input, output) as the provider reports them, from
 *       {@link io.footnote.llm.TokenMetrics};</li>
 *   <li>{@code footnote_citations_checked_total}, {@code footnote_citations_unsupported_total};</li>
 *   <li>gauges: index size (articles, sentences, chunks), the language model's circuit breaker (0 closed,
 *       1 half-open, 2 open, -1 no model), and ingestion (files done and total of the running pass, skipped
 *       files, recent failed passes);</li>
 *   <li>ingestion totals since start-up: {@code footnote_ingest_files_processed_total{outcome}} (indexed,
 *       removed, skipped), {@code footnote_ingest_embedded_chunks_total}, {@code footnote_ingest_passes_failed_total}.</li>
 * </ul>
 * Nothing recorded names a question, a key or a client: the labels are the answer mode and outcome only.
 */
@ApplicationScoped
public class FootnoteMetrics {

    private final MeterRegistry registry;
    private final Timer retrieval;
    private final Timer answering;
    private final Timer verification;
    private final Counter checked;
    private final Counter unsupported;

    public FootnoteMetrics(MeterRegistry registry, Documents documents, Answers answers, Ingestion ingestion) {
        this.registry = registry;
        this.retrieval = Timer.builder("footnote.retrieval").description("Retrieval time per question")
                .publishPercentileHistogram().register(registry);
        this.answering = Timer.builder("footnote.answering")
                .description("Answering time per question, citation verification included")
                .publishPercentileHistogram().register(registry);
        this.verification = Timer.builder("footnote.verification")
                .description("Time per question spent checking citations against their claims and sources")
                .publishPercentileHistogram().register(registry);
        this.checked = Counter.builder("footnote.citations.checked")
                .description("Citations checked against the claim they are attached to").register(registry);
        this.unsupported = Counter.builder("footnote.citations.unsupported")
                .description("Citations found not to support their claim").register(registry);

        Map<String, ToDoubleFunction<Documents>> index = Map.of(
                "articles", d -> d.stats().map(s -> (double) s.documents()).orElse(Double.NaN),
                "sentences", d -> d.stats().map(s -> (double) s.sentences()).orElse(Double.NaN),
                "chunks", d -> d.stats().map(s -> (double) s.chunks()).orElse(Double.NaN));
        index.forEach((unit, f) -> Gauge.builder("footnote.index.size", documents, f).tag("unit", unit)
                .description("What the index holds").register(registry));
        Gauge.builder("footnote.llm.breaker.state", answers, FootnoteMetrics::breakerState)
                .description("The language model's circuit breaker: 0 closed, 1 half-open, 2 open, -1 no model")
                .register(registry);
        Gauge.builder("footnote.ingest.files.done", ingestion, i -> i.status().done())
                .description("Files processed by the running ingest pass").register(registry);
        Gauge.builder("footnote.ingest.files.total", ingestion, i -> i.status().total())
                .description("Files the running ingest pass will process").register(registry);
        Gauge.builder("footnote.ingest.files.skipped", ingestion, i -> i.status().skipped().size())
                .description("Files of the corpus that are not indexed (unreadable, empty, too large)").register(registry);
        Gauge.builder("footnote.ingest.errors", ingestion, i -> i.status().errors().size())
                .description("Recent ingest passes that failed as a whole").register(registry);
        Gauge.builder("footnote.ingest.chunks.embedded", ingestion, i -> i.status().chunksEmbedded())
                .description("Chunks embedded by the running (or last) ingest pass").register(registry);
        // Totals since start-up, summed over passes: what a monitoring system turns into rates.
        Map<String, ToDoubleFunction<IngestTotals>> files = Map.of("indexed", IngestTotals::indexed,
                "removed", IngestTotals::removed, "skipped", IngestTotals::skipped);
        files.forEach((outcome, f) -> FunctionCounter.builder("footnote.ingest.files.processed", ingestion,
                        i -> i.totals().map(f::applyAsDouble).orElse(0.0)).tag("outcome", outcome)
                .description("Files processed by ingestion since start-up, by outcome").register(registry));
        FunctionCounter.builder("footnote.ingest.embedded.chunks", ingestion,
                        i -> i.totals().map(t -> (double) t.chunksEmbedded()).orElse(0.0))
                .description("Chunks embedded since start-up").register(registry);
        FunctionCounter.builder("footnote.ingest.passes.failed", ingestion,
                        i -> i.totals().map(t -> (double) t.failedPasses()).orElse(0.0))
                .description("Ingest passes that failed as a whole since start-up").register(registry);
    }

    /** Records one answered question: its outcome, where its time went and its citations. */
    public void answered(Answer answer) {
        String outcome = answer.abstained() ? "declined" : answer.notice() != null ? "fell_back" : "answered";
        Counter.builder("footnote.questions").description("Questions answered, by answer mode and outcome")
                .tag("mode", answer.mode() == null ? "unknown" : mode(answer.mode())).tag("outcome", outcome)
                .register(registry).increment();
        if (answer.timings() != null) {
            retrieval.record(Duration.ofMillis(answer.timings().retrieveMs()));
            answering.record(Duration.ofMillis(answer.timings().answerMs()));
            verification.record(Duration.ofMillis(answer.timings().verifyMs()));
        }
        if (answer.citations() != null) {
            checked.increment(answer.citations().stream().filter(c -> c.supported() != null).count());
            unsupported.increment(answer.citations().stream().map(Citation::supported)
                    .filter(Boolean.FALSE::equals).count());
        }
    }

    /** {@code extractive}, or {@code llm} for any model: a model's name would make one series per model. */
    private static String mode(String mode) {
        return "extractive".equals(mode) ? "extractive" : "llm";
    }

    private static double breakerState(Answers answers) {
        return answers.llm().map(s -> switch (s.breaker()) {
            case CLOSED -> 0.0;
            case HALF_OPEN -> 1.0;
            case OPEN -> 2.0;
        }).orElse(-1.0);
    }
}
