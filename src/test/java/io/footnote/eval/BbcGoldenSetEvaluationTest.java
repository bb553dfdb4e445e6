package io.footnote.eval;

import io.footnote.app.Pipeline;
import io.footnote.config.FootnoteConfig;
import io.footnote.domain.Document;
import io.footnote.index.IndexedDocument;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.IngestReport;
import io.footnote.support.TestCorpora;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the BBC golden set ({@code eval/bbc-golden.jsonl}) over a subset of the BBC corpus indexed in-process,
 * through the pipeline the packaged {@code eval} command builds (extractive answerer, the configuration Quarkus read), and fails when a metric
 * drops below its gate. The subset is every article a question names plus every fifth article of the corpus
 * ({@link #DISTRACTOR_EVERY}) as on-topic distractors: 482 of the 2,225 articles. Gates sit a little under the
 * values measured when they were set (the measured value is in the comment beside each), so a regression trips
 * them while noise does not; the targets are higher and are not met yet. Reports land in {@code target/eval/bbc/}
 * (report.json, report.html, kinds.md); the index is kept under {@code target/eval/bbc/data} between runs.
 */
@QuarkusTest
class BbcGoldenSetEvaluationTest {

    /** The service's configuration as Quarkus read it; the test's own corpus and index folders are laid on top. */
    @Inject
    FootnoteConfig serviceConfig;

    /**
     * Every N-th article of the corpus (in path order, so all five categories) is indexed besides the articles
     * the questions name: on-topic distractors for every question, at a fifth of the full corpus's cost.
     */
    private static final int DISTRACTOR_EVERY = 5;
    private static final Path OUT = Path.of("target/eval/bbc");

    @Test
    void bbc_golden_set_meets_measured_quality_gates() throws IOException {
        // given
        Optional<Path> bbc = TestCorpora.bbc();
        assumeTrue(bbc.isPresent(), "the BBC corpus (../shared/corpora/bbc-news or -Dfootnote.bbc.path) is absent");
        EvalDataset golden = JsonlGoldenSet.load(Path.of("src/test/resources/eval/bbc-golden.jsonl"));
        Path corpus = OUT.resolve("corpus");
        int articles = copySubset(bbc.get(), golden, corpus);
        FootnoteConfig config = ConfigOverlay.of(serviceConfig, corpus, OUT.resolve("data"), Map.of());

        try (Pipeline pipeline = Pipeline.open(config)) {
            IngestReport ingest = pipeline.ingest(p -> { });
            System.out.printf("Indexed %d documents (%d embedded now) in %d ms; skipped %s%n", ingest.documents(),
                    ingest.indexed(), ingest.millis(), ingest.skipped());
            assertEquals(articles, ingest.documents(), "every copied article is indexed: " + ingest.skipped());
            Function<String, Optional<Document>> docs =
                    id -> pipeline.index().document(id).map(IndexedDocument::document);
            var resolver = Evaluator.resolver(docs, id -> null);
            for (EvalCase c : golden.cases()) {
                for (EvalCase.Support s : c.support()) {
                    assertTrue(resolver.apply(s).isPresent(), c.id() + ": support must name a real sentence: " + s);
                }
            }

            // when
            List<QuestionResult> results = new Evaluator(pipeline.answers(), pipeline.retriever(), docs,
                    config.retrieval().topK()).run(golden.cases(), resolver, System.out);
            String subset = "questions' articles + every " + DISTRACTOR_EVERY + "th (" + articles + " articles)";
            Summary summary = Summary.of(golden.name(), Map.of("answerer", "extractive", "corpus", subset), results);
            ReportWriter.write(OUT, summary, results);
            List<KindBreakdown> kinds = KindBreakdown.of(results);
            Files.writeString(OUT.resolve("kinds.md"), KindBreakdown.table(kinds));
            System.out.print(ReportWriter.table(summary));
            System.out.print(KindBreakdown.table(kinds));

            // then
            assertTrue(golden.cases().stream().filter(EvalCase::answerable).count() >= 60);
            assertTrue(golden.cases().stream().filter(c -> !c.answerable()).count() >= 30);
            assertEquals(1.0, summary.metric("citation.validity"), "every citation resolves exactly");
            assertGate(summary, "retrieval.recall@5", 0.80); // measured 0.865 (0.811 before the fifth round's ranker)
            assertGate(summary, "citation.first_holds_answer", 0.59); // measured 0.649 (0.622 before the fifth round)
            assertGate(summary, "citation.some_holds_answer", 0.71); // measured 0.757 (0.716 before the fifth round)
            assertGate(summary, "answer.key_facts", 0.66); // measured 0.703 (0.649 before the fifth round)
            assertGate(summary, "abstention.correct_refusals", 0.80); // measured 0.875 (0.719 before the number/date rule, 0.500 before the mention rule; issue target 0.95)
            // measured 0.041 (issue target 0.05); 0.081 before a follow-up was retrieved in its conversation (the article
            // that answered the previous question read whole, its subject counted as stated there). It was 0.027 before the number/date rule; the three questions that rule
            // declines were answered wrongly before (a sentence without the number asked for), so no right answer was lost.
            // 0.068 -> 0.081 with the follow-up subject rule: "How much is it spending?" after a question on Novartis was
            // answered with the Treasury's spending (another article); now its best sentence is Novartis's and declined.
            assertTrue(summary.metric("abstention.false_refusals") <= 0.055,
                    summary.metrics().toString());
            // Per kind (one question of a kind is 0.045-0.1 of it): the "fact stated and sentence cited".
            assertKind(kinds, "answerable", KindBreakdown::factAndGoldCitedFirst, 0.62); // measured 0.662 (0.595 before the twelfth round's title subject, 0.568 before the eleventh; target 0.90)
            assertKind(kinds, "why", KindBreakdown::factAndGoldCitedFirst, 0.53); // measured 0.600 (0.400 before the twelfth round's title subject)
            assertKind(kinds, "follow", KindBreakdown::factAndGoldCitedFirst, 0.61); // measured 0.692 (0.615 before the eleventh round; target 0.90)
            assertKind(kinds, "follow", KindBreakdown::someCitationHolds, 0.84); // measured 0.923 (0.769 before the conversation)
            assertKind(kinds, "para", KindBreakdown::factAndGoldCitedFirst, 0.78); // measured 0.786 (0.857 before the fifth round: one question of 14 lost to the ranker)
            assertKind(kinds, "out", KindBreakdown::declined, 0.80); // measured 0.875 (target 0.95)
        }
    }

    /** Copies the named articles and the distractors, keeping paths (ids like {@code tech--042}). */
    private static int copySubset(Path bbc, EvalDataset golden, Path target) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (EvalCase c : golden.cases()) {
            for (EvalCase.Support s : c.support()) {
                files.add(bbc.resolve(s.documentId().replace("--", "/") + ".txt"));
            }
        }
        List<Path> all = TestCorpora.bbcArticles(bbc);
        for (int i = 0; i < all.size(); i += DISTRACTOR_EVERY) {
            files.add(all.get(i));
        }
        Set<Path> wanted = new LinkedHashSet<>();
        for (Path f : files) {
            Path to = target.resolve(bbc.relativize(f).toString());
            Files.createDirectories(to.getParent());
            if (!Files.exists(to) || Files.mismatch(f, to) != -1) {
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
            wanted.add(to);
        }
        for (Path stale : CorpusIngester.listFiles(target)) { // left by an earlier subset: not indexed now
            if (!wanted.contains(stale)) {
                Files.delete(stale);
            }
        }
        return files.size();
    }

    private static void assertKind(List<KindBreakdown> kinds, String kind,
                                   ToDoubleFunction<KindBreakdown> figure, double min) {
        double got = figure.applyAsDouble(KindBreakdown.find(kinds, kind));
        assertTrue(got >= min, kind + ": " + got + " < " + min + "\n" + KindBreakdown.table(kinds));
    }

    private static void assertGate(Summary s, String metric, double min) {
        assertTrue(s.metric(metric) >= min, metric + " = " + s.metric(metric) + " < " + min + "; all: " + s.metrics());
    }
}
