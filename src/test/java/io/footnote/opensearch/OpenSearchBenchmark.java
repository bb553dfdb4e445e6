package io.footnote.opensearch;

import io.footnote.app.Pipeline;
import io.footnote.answer.Answer;
import io.footnote.domain.Chunk;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.IngestReport;
import io.footnote.retrieve.FusedChunk;
import io.footnote.support.BenchQuestions;
import io.footnote.support.BenchQuestions.Question;
import io.footnote.support.Folders;
import io.footnote.support.OpenSearchCluster;
import io.footnote.support.Proc;
import io.footnote.support.TestCorpora;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.footnote.support.BenchQuestions.holdsEvidence;
import static io.footnote.support.BenchQuestions.pct;
import static io.footnote.support.BenchQuestions.sameEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both index backends on the BBC corpus, in-process, one after the other: ingest rate, question latency
 * (p50/p99, one client, the whole pipeline: retrieval, sentence ranking, extractive answer, verification),
 * and quality on the BBC benchmark questions; OpenSearch with fusion here and on the server.
 * {@code ./mvnw -B verify -Popensearch -Dopensearch.bench -Dit.test=OpenSearchBenchmark}; writes
 * {@code target/bench/opensearch.md}. Speed is reported, not asserted; it asserts every article is indexed.
 */
class OpenSearchBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    private final List<String> rows = new ArrayList<>();

    @Test
    void both_backends_on_the_bbc_corpus() throws Exception {
        Path bbc = TestCorpora.bbc().orElseThrow(() -> new IllegalStateException("BBC corpus not found (-Dfootnote.bbc.path)"));
        List<String> articles = TestCorpora.bbcArticles(bbc).stream()
                .map(f -> ArticleReader.idOf(bbc.relativize(f).toString().replace('\\', '/'))).toList();
        double load0 = Proc.loadAverage();
        List<Question> golden = BenchQuestions.load();
        OpenSearchCluster cluster = OpenSearchCluster.shared();
        rows.add("| backend | articles | chunks | ingest s | chunks/s | ask p50 ms | ask p99 ms | evidence in top-8 chunks | first citation is evidence | any citation is evidence |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|");

        Path data = Path.of("target/bench/opensearch-bench-lucene");
        Folders.deleteRecursively(data);
        try (Pipeline p = Backends.lucene("bench/opensearch-bench-lucene", Map.of("footnote.corpus.path", bbc.toString()))) {
            measure("lucene (embedded)", p, p.ingest(x -> { }), articles, golden);
        }
        cluster.request("DELETE", "/bench", null);
        Map<String, String> os = Map.of("footnote.corpus.path", bbc.toString(), "footnote.opensearch.hybrid", "client");
        try (Pipeline p = Backends.openSearch(cluster, "bench", os)) {
            measure("opensearch, 2 nodes, 1 shard + 1 replica, RRF in Footnote", p, p.ingest(x -> { }), articles, golden);
        }
        try (Pipeline p = Backends.openSearch(cluster, "bench", Map.of("footnote.corpus.path", bbc.toString(),
                "footnote.opensearch.hybrid", "server"))) {
            measure("opensearch, same index, RRF in the cluster (neural-search)", p, null, articles, golden);
        }
        String size = cluster.request("GET", "/_cat/indices/bench?h=pri.store.size,store.size,docs.count&bytes=mb", null).body().strip();
        List<String> out = new ArrayList<>(rows);
        out.add("");
        out.add("OpenSearch index `bench` (primary MB, total MB with the replica, records): " + size);
        out.add(String.format(Locale.ROOT, "Machine: %d cores, load average %.2f at the start and %.2f at the end; "
                        + "questions: %d, each asked %d times after one warm-up round.",
                Runtime.getRuntime().availableProcessors(), load0, Proc.loadAverage(), golden.size(), ROUNDS));
        Files.createDirectories(Path.of("target/bench"));
        Files.write(Path.of("target/bench/opensearch.md"), out);
        out.forEach(System.out::println);
    }

    private void measure(String label, Pipeline p, IngestReport report, List<String> articles, List<Question> golden) {
        if (report != null) {
            Map<String, String> indexed = p.index().contentHashes();
            assertEquals(List.of(), articles.stream().filter(id -> !indexed.containsKey(id)).toList(), "every article indexed");
        }
        for (Question g : golden) {
            p.answers().ask(g.question(), List.of(), null); // warm-up: JIT, caches
        }
        List<Long> latencies = new ArrayList<>();
        int first = 0;
        int any = 0;
        int retrieved = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Question g : golden) {
                long t0 = System.nanoTime();
                Answer a = p.answers().ask(g.question(), List.of(), null);
                latencies.add(System.nanoTime() - t0);
                if (round > 0) {
                    continue;
                }
                List<String> cited = a.citations().stream().map(c -> c.text()).toList();
                first += !cited.isEmpty() && sameEvidence(cited.get(0), g.evidence()) ? 1 : 0;
                any += cited.stream().anyMatch(c -> sameEvidence(c, g.evidence())) ? 1 : 0;
                String id = ArticleReader.idOf(g.file());
                boolean hit = false;
                for (FusedChunk f : p.retriever().retrieve(g.question(), 8).chunks()) {
                    Chunk c = f.chunk();
                    if (c.documentId().equals(id)) {
                        String text = p.index().document(id).orElseThrow().document().text().substring(c.start(), c.end());
                        hit |= holdsEvidence(text, g.evidence());
                    }
                }
                retrieved += hit ? 1 : 0;
            }
        }
        Collections.sort(latencies);
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f | %.1f | %s | %s | %s |", label,
                report == null ? "(same)" : report.documents(), report == null ? "(same)" : report.chunks(),
                report == null ? "–" : String.format(Locale.ROOT, "%.0f", report.millis() / 1000.0),
                report == null ? "–" : String.format(Locale.ROOT, "%.1f", report.chunksPerSecond()),
                percentile(latencies, 50), percentile(latencies, 99),
                pct(retrieved, golden.size()), pct(first, golden.size()), pct(any, golden.size())));
        System.out.println(rows.get(rows.size() - 1));
    }

    private static double percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
