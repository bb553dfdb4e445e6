package io.footnote.bench;

import io.footnote.support.BenchQuestions;
import io.footnote.support.BenchQuestions.Question;
import io.footnote.support.Folders;
import io.footnote.support.FreePort;
import io.footnote.support.LoadGenerator;
import io.footnote.support.Proc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.domain.Chunk;
import io.footnote.embed.EmbeddingModels;
import io.footnote.index.LuceneIndex;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.CorpusIngester;
import io.footnote.retrieve.FusedChunk;
import io.footnote.retrieve.HybridContentRetriever;
import io.footnote.retrieve.RankFusion;
import io.footnote.support.ServiceProcess;
import io.footnote.support.TestCorpora;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.footnote.support.BenchQuestions.holdsEvidence;
import static io.footnote.support.BenchQuestions.pct;
import static io.footnote.support.BenchQuestions.sameEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}; not part of the normal build): Footnote and the LangChain4j
 * baseline ({@link BaselineServer}) on the BBC corpus, one after the other in the same run, each as its own
 * process over loopback HTTP. Prints a table and writes it to {@code target/bench/results.md}.
 *
 * <p>Settings (system properties): {@code footnote.bbc.path} (the corpus), {@code bench.articles} (a spread
 * subset for a quick run; default all), {@code bench.measure} and {@code bench.warmup} (seconds per load
 * level; default 20 and 5).
 *
 * <p>It asserts only what must hold whatever the machine's speed: every article indexed, nothing re-embedded
 * on restart, every request answered. Speed is reported, not asserted.
 */
class FootnoteBenchmark {

    private static final Path WORK = Path.of("target/bench");
    private static final int[] CLIENTS = {1, 4, 16};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
    private final Duration measure = Duration.ofSeconds(Integer.getInteger("bench.measure", 20));
    private final Map<String, String[]> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    @Test
    void footnote_against_the_langchain4j_baseline_on_the_bbc_corpus() throws Exception {
        Path bbc = TestCorpora.bbc().orElseThrow(() -> new IllegalStateException(
                "The benchmark needs the BBC corpus: -Dfootnote.bbc.path=<folder> (default ../shared/corpora/bbc-news)"));
        Folders.deleteRecursively(WORK);
        Path corpus = Files.createDirectories(WORK.resolve("corpus"));
        int all = TestCorpora.bbcArticles(bbc).size();
        int articles = TestCorpora.copyBbcSubset(bbc, corpus, Integer.getInteger("bench.articles", all)).size();
        List<Question> golden = BenchQuestions.load();
        assertTrue(golden.size() >= 30);
        golden = golden.stream().filter(g -> Files.exists(corpus.resolve(g.file()))).toList();
        List<String> bodies = golden.stream().map(g -> json(Map.of("question", g.question()))).toList();
        double load0 = Proc.loadAverage();

        footnote(corpus, articles, golden, bodies);
        baseline(corpus, articles, golden, bodies);

        notes.add(String.format(Locale.ROOT, "Machine: %d cores, load average %.1f at the start and %.1f at the end "
                        + "(other work on the machine slows both systems alike).",
                Runtime.getRuntime().availableProcessors(), load0, Proc.loadAverage()));
        String table = table(articles, golden.size());
        System.out.println("\n" + table);
        Files.writeString(WORK.resolve("results.md"), table);
    }

    private void footnote(Path corpus, int articles, List<Question> golden, List<String> bodies) throws Exception {
        Path data = WORK.resolve("footnote-data");
        Map<String, String> env = Map.of("FOOTNOTE_CORPUS_PATH", corpus.toString(),
                "FOOTNOTE_DATA_PATH", data.toString(), "FOOTNOTE_INGEST_SCAN_INTERVAL", "0");

        // Cold ingest, end to end.
        long t0 = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(env, WORK.resolve("footnote-ingest.log"))) {
            service.awaitReady(Duration.ofHours(2));
            double wall = (System.nanoTime() - t0) / 1e9;
            JsonPath report = service.http().get("/api/ingest/status").then().extract().jsonPath().setRootPath("lastReport");
            double ingest = report.getLong("millis") / 1000.0;
            int chunks = report.getInt("chunksEmbedded");
            assertEquals(articles, report.getInt("documents"), "every article indexed");
            put("articles indexed", String.valueOf(report.getInt("documents")), null);
            put("chunks (segments) embedded", String.valueOf(chunks), null);
            put("sentence vectors", report.getInt("sentencesEmbedded") + " (pooled from the chunk inferences)", "–");
            put("ingest time (pass / process start to ready)", String.format(Locale.ROOT, "%.0f s / %.0f s", ingest, wall), null);
            put("ingest chunks/s", String.format(Locale.ROOT, "%.1f", chunks / ingest), null);
            put("ingest articles/s", String.format(Locale.ROOT, "%.1f", articles / ingest), null);
            double cpu = Proc.cpuSeconds(service.pid());
            put("ingest chunks per CPU-second", String.format(Locale.ROOT, "%.1f", chunks / cpu), null);
            ModelTokens.Count tokens = ModelTokens.footnote(corpus);
            assertEquals(chunks, tokens.texts(), "the chunks whose tokens are counted are the service's");
            putTokens(tokens, cpu, null);
            put("index size on disk", mb(Proc.sizeOnDisk(data)), null);
            put("peak RSS, ingest", mb(Proc.peakRss(service.pid())), null);
        }

        // Restart with the corpus unchanged, then serve questions.
        t0 = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(env, WORK.resolve("footnote-serve.log"))) {
            // Ready (/q/health/ready 200: questions are answered) comes before the start-up sync ends; both are
            // reported, as the scale benchmark does, since issue 13's target is the first.
            service.awaitUp(Duration.ofMinutes(30));
            double ready = (System.nanoTime() - t0) / 1e9;
            service.awaitReady(Duration.ofMinutes(30));
            double synced = (System.nanoTime() - t0) / 1e9;
            JsonPath restart = service.http().get("/api/ingest/status").then().extract().jsonPath();
            int reEmbedded = restart.getInt("lastReport.chunksEmbedded");
            assertEquals(0, reEmbedded, "nothing re-embedded on restart");
            put("restart: chunks re-embedded", String.valueOf(reEmbedded), null);
            put("restart: process start to ready", String.format(Locale.ROOT, "%.1f s", ready), null);
            put("restart: process start to start-up sync done", String.format(Locale.ROOT, "%.1f s", synced), "–");

            for (int clients : CLIENTS) {
                LoadGenerator.Result r = LoadGenerator.run(service.baseUrl() + "/api/ask", bodies, clients, warmUp, measure);
                assertEquals(0, r.errors(), "every question answered");
                putLoad(clients, r, null);
            }
            put("peak RSS, restart + queries", mb(Proc.peakRss(service.pid())), null);

            int cited = 0;
            int citedFirst = 0;
            for (Question g : golden) {
                JsonPath answer = service.http().contentType(ContentType.JSON).body(Map.of("question", g.question()))
                        .post("/api/ask").then().statusCode(200).extract().jsonPath();
                List<String> texts = answer.getList("citations.text");
                if (texts.stream().anyMatch(t -> sameEvidence(t, g.evidence()))) {
                    cited++;
                }
                if (!texts.isEmpty() && sameEvidence(texts.get(0), g.evidence())) {
                    citedFirst++;
                }
            }
            put("answer cites the evidence sentence (first / any citation)",
                    pct(citedFirst, golden.size()) + " / " + pct(cited, golden.size()), "– (no answer step)");
        }

        // Retrieval recall@10 of the same index, read in-process with the service's retriever.
        EmbeddingModels.Known model = EmbeddingModels.Known.ALL_MINILM_L6_V2_Q;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            OnnxEncoder encoder = EmbeddingModels.load(model, pool);
            String signature = CorpusIngester.signature(model.configName(), 120, 1,
                    CorpusIngester.effective(encoder, CorpusIngester.SentenceVectors.FROM_CHUNKS));
            try (LuceneIndex index = LuceneIndex.open(data.resolve("index"), signature, encoder.dimension())) {
                assertEquals(articles, index.documents().size(), "index opened under the service's signature");
                HybridContentRetriever retriever = new HybridContentRetriever(index, encoder, model.queryPrefix(),
                        new RankFusion(60), io.footnote.retrieve.RetrievalMode.HYBRID, 40, 10);
                int sentenceHits = 0;
                int documentHits = 0;
                for (Question g : golden) {
                    List<FusedChunk> top = retriever.search(g.question(), retriever.embed(g.question()), 10);
                    String id = ArticleReader.idOf(g.file());
                    boolean doc = false;
                    boolean sentence = false;
                    for (FusedChunk f : top) {
                        Chunk c = f.chunk();
                        if (c.documentId().equals(id)) {
                            doc = true;
                            String text = index.document(id).orElseThrow().document().text().substring(c.start(), c.end());
                            sentence |= holdsEvidence(text, g.evidence());
                        }
                    }
                    sentenceHits += sentence ? 1 : 0;
                    documentHits += doc ? 1 : 0;
                }
                put("recall@10, evidence sentence in a retrieved chunk", pct(sentenceHits, golden.size()), null);
                put("recall@10, right article", pct(documentHits, golden.size()), null);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void baseline(Path corpus, int articles, List<Question> golden, List<String> bodies) throws Exception {
        Path store = WORK.resolve("baseline-store.json");

        long t0 = System.nanoTime();
        try (Baseline baseline = Baseline.start(corpus, store, WORK.resolve("baseline-ingest.log"))) {
            JsonNode stats = baseline.awaitReady(Duration.ofHours(2));
            double wall = (System.nanoTime() - t0) / 1e9;
            double ingest = stats.get("ingestMillis").asLong() / 1000.0;
            int segments = stats.get("segments").asInt();
            assertEquals(articles, stats.get("documents").asInt(), "every article loaded");
            put("articles indexed", null, String.valueOf(stats.get("documents").asInt()));
            put("chunks (segments) embedded", null, String.valueOf(segments));
            put("ingest time (pass / process start to ready)", null, String.format(Locale.ROOT, "%.0f s / %.0f s", ingest, wall));
            put("ingest chunks/s", null, String.format(Locale.ROOT, "%.1f", segments / ingest));
            put("ingest articles/s", null, String.format(Locale.ROOT, "%.1f", articles / ingest));
            double cpu = Proc.cpuSeconds(baseline.pid());
            put("ingest chunks per CPU-second", null, String.format(Locale.ROOT, "%.1f", segments / cpu));
            ModelTokens.Count tokens = ModelTokens.baseline(corpus);
            assertEquals(segments, tokens.texts(), "the segments whose tokens are counted are the baseline's");
            putTokens(tokens, cpu, "baseline");
            put("index size on disk", null, mb(stats.get("storeBytes").asLong()) + " (store serialised to JSON)");
            put("peak RSS, ingest", null, mb(Proc.peakRss(baseline.pid())));
        }

        t0 = System.nanoTime();
        try (Baseline baseline = Baseline.start(corpus, store, WORK.resolve("baseline-serve.log"))) {
            JsonNode stats = baseline.awaitReady(Duration.ofMinutes(30));
            double ready = (System.nanoTime() - t0) / 1e9;
            put("restart: chunks re-embedded", null, stats.get("segmentsEmbedded").asInt()
                    + " (store loaded from its file; changed files are not noticed)");
            put("restart: process start to ready", null, String.format(Locale.ROOT, "%.1f s", ready));
            for (int clients : CLIENTS) {
                LoadGenerator.Result r = LoadGenerator.run(baseline.url() + "/ask", bodies, clients, warmUp, measure);
                assertEquals(0, r.errors(), "every question answered");
                putLoad(clients, r, "baseline");
            }
            put("peak RSS, restart + queries", null, mb(Proc.peakRss(baseline.pid())));

            int sentenceHits = 0;
            int documentHits = 0;
            for (Question g : golden) {
                JsonNode results = JSON.readTree(baseline.ask(json(Map.of("question", g.question()))));
                boolean doc = false;
                boolean sentence = false;
                for (JsonNode r : results) {
                    String dir = Path.of(r.get("directory").asText()).getFileName().toString();
                    if ((dir + "/" + r.get("file").asText()).equals(g.file())) {
                        doc = true;
                        sentence |= holdsEvidence(r.get("text").asText(), g.evidence());
                    }
                }
                sentenceHits += sentence ? 1 : 0;
                documentHits += doc ? 1 : 0;
            }
            put("recall@10, evidence sentence in a retrieved chunk", null, pct(sentenceHits, golden.size()));
            put("recall@10, right article", null, pct(documentHits, golden.size()));
        }
    }

    /** Model tokens (counted by {@link ModelTokens}) per chunk and per CPU-second of the ingesting process. */
    private void putTokens(ModelTokens.Count tokens, double cpuSeconds, String who) {
        String perChunk = String.format(Locale.ROOT, "%.1f", (double) tokens.tokens() / tokens.texts());
        String perCpu = String.format(Locale.ROOT, "%.0f", tokens.tokens() / cpuSeconds);
        put("model tokens per chunk (segment)", who == null ? perChunk : null, who == null ? null : perChunk);
        put("ingest model tokens per CPU-second", who == null ? perCpu : null, who == null ? null : perCpu);
    }

    private void putLoad(int clients, LoadGenerator.Result r, String who) {
        String qps = String.format(Locale.ROOT, "%.1f", r.qps());
        String lat = String.format(Locale.ROOT, "%.1f / %.1f / %.1f", r.p50(), r.p95(), r.p99());
        String name = "/api/ask, " + clients + " client" + (clients > 1 ? "s" : "");
        put(name + ": queries/s", who == null ? qps : null, who == null ? null : qps);
        put(name + ": p50 / p95 / p99 ms", who == null ? lat : null, who == null ? null : lat);
    }

    private void put(String metric, String footnote, String baseline) {
        String[] row = rows.computeIfAbsent(metric, k -> new String[2]);
        if (footnote != null) {
            row[0] = footnote;
        }
        if (baseline != null) {
            row[1] = baseline;
        }
    }

    private String table(int articles, int questions) {
        StringBuilder sb = new StringBuilder();
        sb.append("Benchmark, ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(": BBC corpus, ").append(articles).append(" articles; ").append(questions)
                .append(" golden questions; ").append(measure.toSeconds()).append(" s per load level after ")
                .append(warmUp.toSeconds()).append(" s warm-up\n\n");
        sb.append("| | Footnote | LangChain4j baseline |\n|---|---|---|\n");
        rows.forEach((metric, v) -> sb.append("| ").append(metric).append(" | ").append(v[0] == null ? "" : v[0])
                .append(" | ").append(v[1] == null ? "" : v[1]).append(" |\n"));
        sb.append('\n');
        notes.forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The baseline server as its own JVM, on the test classpath. */
    private static final class Baseline implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path stats;
        private final Path log;

        private Baseline(Process process, int port, Path stats, Path log) {
            this.process = process;
            this.port = port;
            this.stats = stats;
            this.log = log;
        }

        static Baseline start(Path corpus, Path store, Path log) throws IOException {
            int port = FreePort.pick();
            Path stats = log.resolveSibling(log.getFileName() + ".stats.json");
            Files.deleteIfExists(stats);
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    BaselineServer.class.getName(), corpus.toString(), store.toString(), String.valueOf(port),
                    stats.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            return new Baseline(pb.start(), port, stats, log);
        }

        JsonNode awaitReady(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(stats) || Files.size(stats) == 0) {
                if (!process.isAlive()) {
                    throw new AssertionError("baseline exited: " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("baseline not ready within " + timeout);
                }
                Thread.sleep(200);
            }
            return JSON.readTree(stats.toFile());
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        long pid() {
            return process.pid();
        }

        String ask(String body) throws Exception {
            var http = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/ask"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
