package io.footnote.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.footnote.embed.EmbeddingModels;
import io.footnote.index.LuceneIndex;
import io.footnote.ingest.ArticleCleaner;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.Chunker;
import io.footnote.ingest.CorpusIngester;
import io.footnote.ingest.DocumentFormats;
import io.footnote.ingest.IngestReport;
import io.footnote.ingest.SentenceSplitter;
import io.footnote.support.Folders;
import io.footnote.support.LoadGenerator;
import io.footnote.support.Proc;
import io.footnote.support.ServiceProcess;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scale benchmark ({@code ./mvnw -Pscale verify -Dscale.sizes=10000,50000}; not part of the normal build):
 * index, start-up, memory and query costs of the packaged service at growing numbers of synthetic articles
 * ({@link SyntheticArticles}, resampled from the BBC corpus), with a linear fit of each cost against the number
 * of articles and its extrapolation to 1,000,000. Prints a table; writes {@code target/scale/report.md} and
 * {@code report.json} ({@code report-model.*} with {@code -Dscale.encoder=model}).
 *
 * <p>Vectors ({@code scale.encoder}): {@code stand-in} (default) builds each index in this JVM through the real
 * ingest code (reading, cleaning, sentence splitting, chunking, Lucene writes) with {@link HashStandInEncoder}
 * in place of the model, since embedding 200,000 articles takes hours here; the index is written under the
 * signature of the default model, so the service opens it as its own, finds every file unchanged and embeds
 * nothing. The service itself runs unchanged with the real model, which embeds every question: query cost is
 * real, only the stored vectors are not. {@code model} lets the service ingest the corpus with the real model
 * first (a check of the stand-in at a size that can be embedded here).
 *
 * <p>Each size: restart-to-ready (process start to {@code /q/health/ready} 200, and to the end of the start-up
 * sync) without a class cache, as the benchmark's own starts run, and with the ahead-of-time class cache
 * {@code ./run.sh} keeps on JDK 25+ (median of three restarts after a run that records it), heap after a full
 * GC ({@code jcmd GC.run}, {@code GC.heap_info}) just opened and after the questions, RSS ({@code /proc} VmRSS
 * split into RssAnon and RssFile — the mapped index's pages count as RSS but are page cache the kernel can drop —
 * and VmHWM), index size on disk, {@code /api/ask} p50/p99 at 1 and 4 closed-loop clients (questions cut from the
 * articles' sentences), {@code GET /api/documents?limit=50} p50 (first page, a later page by cursor, a title
 * filter {@code q=}). Other settings: {@code scale.xmx} (default 1g), {@code scale.warmup}/{@code scale.measure}
 * (seconds per load level, 5/20), {@code scale.keep} (keep corpora and indexes under {@code target/scale}),
 * {@code scale.seed} (42).
 *
 * <p>It asserts only what makes the figures meaningful: every article in the index and nothing re-embedded on
 * restart. Costs are reported, not asserted.
 */
class ScaleBenchmark {

    private static final Path WORK = Path.of("target/scale");
    private static final EmbeddingModels.Known MODEL = EmbeddingModels.Known.ALL_MINILM_L6_V2_Q;
    private static final int MAX_TOKENS = 120;
    private static final int OVERLAP = 1;
    private static final long PROJECTED = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final boolean standIn = !"model".equals(System.getProperty("scale.encoder", "stand-in"));
    private final String xmx = System.getProperty("scale.xmx", "1g");
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("scale.warmup", 5));
    private final Duration measure = Duration.ofSeconds(Integer.getInteger("scale.measure", 20));
    private final boolean keep = Boolean.getBoolean("scale.keep");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String titleWord = "";

    /** One size's figures; times in seconds or milliseconds, sizes in MB, as named. */
    record Row(int articles, int chunks, int sentences, double buildSeconds, double buildCpuSeconds,
               double indexMb, double readySeconds, double syncedSeconds, double cachedReadySeconds,
               double heapOpenMb, double heapServedMb,
               double rssMb, double rssAnonMb, double rssFileMb, double peakRssMb, LoadGenerator.Result ask1, LoadGenerator.Result ask4,
               double listFirstMs, double listCursorMs, double listFilterMs, long filterTotal,
               double loadStart, double loadEnd) {
    }

    /** A measured quantity: its name in the table and how to read it off a row. */
    record Metric(String name, String unit, ToDoubleFunction<Row> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("index build (ingest pass)", "s", Row::buildSeconds),
            new Metric("index build CPU", "CPU-s", Row::buildCpuSeconds),
            new Metric("index size on disk", "MB", Row::indexMb),
            new Metric("restart to ready, no class cache (/q/health/ready 200)", "s", Row::readySeconds),
            new Metric("restart to start-up sync done", "s", Row::syncedSeconds),
            new Metric("restart to ready with the class cache ./run.sh keeps (JDK 25+), median of 3", "s",
                    Row::cachedReadySeconds),
            new Metric("heap after GC, just opened", "MB", Row::heapOpenMb),
            new Metric("heap after GC, after the questions", "MB", Row::heapServedMb),
            new Metric("RSS after the questions (VmRSS)", "MB", Row::rssMb),
            new Metric("RSS, anonymous part (RssAnon: heap, native, model)", "MB", Row::rssAnonMb),
            new Metric("RSS, file part (RssFile: mapped index, jars; page cache)", "MB", Row::rssFileMb),
            new Metric("peak RSS (VmHWM)", "MB", Row::peakRssMb),
            new Metric("/api/ask 1 client p50", "ms", r -> r.ask1().p50()),
            new Metric("/api/ask 1 client p99", "ms", r -> r.ask1().p99()),
            new Metric("/api/ask 1 client queries/s", "q/s", r -> r.ask1().qps()),
            new Metric("/api/ask 4 clients p50", "ms", r -> r.ask4().p50()),
            new Metric("/api/ask 4 clients p99", "ms", r -> r.ask4().p99()),
            new Metric("/api/ask 4 clients queries/s", "q/s", r -> r.ask4().qps()),
            new Metric("/api/documents?limit=50 p50, first page", "ms", Row::listFirstMs),
            new Metric("/api/documents?limit=50 p50, a page by cursor", "ms", Row::listCursorMs),
            new Metric("/api/documents?limit=50&q= p50, title filter", "ms", Row::listFilterMs));

    @Test
    void measures_index_startup_memory_and_query_costs_by_number_of_articles() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("scale.sizes", "10000,50000,200000").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).sorted().toArray();
        SyntheticArticles generator = SyntheticArticles.fromBbc(Long.getLong("scale.seed", 42));
        titleWord = generator.titleWord();
        Files.createDirectories(WORK);
        List<Row> rows = new ArrayList<>();
        Instant started = Instant.now();
        for (int n : sizes) {
            rows.add(measure(generator, n));
            write(rows, started); // after every size, so a long run leaves what it measured so far
        }
        System.out.println("\n" + Files.readString(WORK.resolve(reportName() + ".md")));
    }

    private Row measure(SyntheticArticles generator, int n) throws Exception {
        double load0 = Proc.loadAverage();
        Path corpus = WORK.resolve("corpus-" + n);
        Path data = WORK.resolve((standIn ? "data-stand-in-" : "data-model-") + n);
        Folders.deleteRecursively(data);
        // The service appends to its log; a log holds this run only.
        Files.deleteIfExists(WORK.resolve("ingest-" + n + ".log"));
        Files.deleteIfExists(WORK.resolve("serve-" + n + ".log"));
        log("%,d articles: writing the corpus to %s", n, corpus);
        generator.write(corpus, n);

        double buildSeconds;
        double buildCpu;
        IngestReport built;
        if (standIn) {
            double cpu0 = Proc.cpuSeconds(ProcessHandle.current().pid());
            long t0 = System.nanoTime();
            built = buildWithStandIn(corpus, data.resolve("index"));
            buildSeconds = (System.nanoTime() - t0) / 1e9;
            buildCpu = Proc.cpuSeconds(ProcessHandle.current().pid()) - cpu0;
        } else {
            try (ServiceProcess service = ServiceProcess.start(env(corpus, data), WORK.resolve("ingest-" + n + ".log"),
                    "-Xmx" + xmx)) {
                service.awaitReady(Duration.ofHours(6));
                JsonPath r = JsonPath.from(service.http().get("/api/ingest/status").asString()).setRootPath("lastReport");
                built = new IngestReport(r.getInt("documents"), r.getInt("indexed"), 0, 0, List.of(),
                        r.getInt("sentences"), r.getInt("chunks"), r.getInt("chunksEmbedded"),
                        r.getInt("sentencesEmbedded"), r.getLong("millis"));
                buildSeconds = built.millis() / 1000.0;
                buildCpu = Proc.cpuSeconds(service.pid());
            }
        }
        assertEquals(n, built.documents(), "every article indexed");
        log("%,d articles: index built in %.0f s (%,d chunks)", n, buildSeconds, built.chunks());

        double cachedReady = restartsWithClassCache(n, corpus, data);

        long t0 = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(env(corpus, data), WORK.resolve("serve-" + n + ".log"),
                "-Xmx" + xmx)) {
            service.awaitUp(Duration.ofMinutes(30));
            double ready = (System.nanoTime() - t0) / 1e9;
            service.awaitReady(Duration.ofHours(2));
            double synced = (System.nanoTime() - t0) / 1e9;
            JsonPath status = JsonPath.from(service.http().get("/api/ingest/status").asString());
            assertEquals(0, status.getInt("lastReport.chunksEmbedded"), "nothing re-embedded on restart");
            assertEquals(n, status.getInt("lastReport.documents"), "the service sees every article");
            double heapOpen = heapAfterGc(service.pid());
            log("%,d articles: ready %.1f s, synced %.1f s, heap after GC %.1f MB", n, ready, synced, heapOpen);

            List<String> bodies = generator.questions(n, 400).stream()
                    .map(q -> "{\"question\":" + jsonString(q) + "}").toList();
            LoadGenerator.Result ask1 = LoadGenerator.run(service.baseUrl() + "/api/ask", bodies, 1, warmUp, measure);
            LoadGenerator.Result ask4 = LoadGenerator.run(service.baseUrl() + "/api/ask", bodies, 4, warmUp, measure);
            log("%,d articles: ask p50/p99 %.1f/%.1f ms (1 client), %.1f/%.1f ms (4 clients), errors %d+%d", n,
                    ask1.p50(), ask1.p99(), ask4.p50(), ask4.p99(), ask1.errors(), ask4.errors());

            String base = service.baseUrl() + "/api/documents?limit=50";
            double first = listingP50(base);
            HttpResponse<String> page1 = get(base);
            String cursor = page1.headers().firstValue("X-Next-Cursor").orElseThrow();
            double byCursor = listingP50(base + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            String filter = base + "&q=" + URLEncoder.encode(titleWord, StandardCharsets.UTF_8);
            double filtered = listingP50(filter);
            long total = Long.parseLong(get(filter).headers().firstValue("X-Total-Count").orElse("-1"));

            double heapServed = heapAfterGc(service.pid());
            // What the live heap holds, for whoever asks why it grows: the top of the class histogram.
            Files.write(WORK.resolve(reportName() + "-histogram-" + n + ".txt"),
                    jcmd(service.pid(), "GC.class_histogram").lines().limit(30).toList());
            double rss = Proc.statusField(service.pid(), "VmRSS") / 1024.0;
            double anon = Proc.statusField(service.pid(), "RssAnon") / 1024.0;
            double file = Proc.statusField(service.pid(), "RssFile") / 1024.0;
            double peak = Proc.statusField(service.pid(), "VmHWM") / 1024.0;
            double indexMb = Proc.sizeOnDisk(data.resolve("index")) / 1048576.0;
            Row row = new Row(n, built.chunks(), built.sentences(), buildSeconds, buildCpu, indexMb, ready, synced,
                    cachedReady, heapOpen, heapServed, rss, anon, file, peak, ask1, ask4, first, byCursor, filtered,
                    total, load0, Proc.loadAverage());
            log("%,d articles: %s", n, row);
            if (!keep) {
                service.close();
                Folders.deleteRecursively(data);
            }
            return row;
        }
    }

    /**
     * Restart to ready as {@code ./run.sh} restarts the service on JDK 25 or newer: with the ahead-of-time class
     * cache its first run after a build records. One run records it (ready, the start-up sync, 20 questions, a
     * stop, which writes the cache), then three starts use it; their median, in seconds. NaN on an older JDK,
     * where {@code ./run.sh} keeps no cache.
     */
    private double restartsWithClassCache(int n, Path corpus, Path data) {
        if (Runtime.version().feature() < 25) {
            log("%,d articles: JDK %d keeps no class cache; restarts with one not measured", n,
                    Runtime.version().feature());
            return Double.NaN;
        }
        Path cache = WORK.resolve("footnote-" + n + ".aot");
        Path logFile = WORK.resolve("restart-" + n + ".log");
        try {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(logFile);
            try (ServiceProcess recording = ServiceProcess.start(env(corpus, data), logFile, "-Xmx" + xmx,
                    "-XX:AOTCacheOutput=" + cache.toAbsolutePath(), "-Xlog:aot*=off")) {
                recording.awaitReady(Duration.ofHours(2));
                for (int i = 0; i < 20; i++) {
                    recording.http().contentType("application/json")
                            .body("{\"question\":\"What did the minister say about the plans?\"}")
                            .post("/api/ask").then().statusCode(200);
                }
            }
            if (!Files.exists(cache)) {
                throw new AssertionError("the JVM wrote no class cache at " + cache + "; see " + logFile);
            }
            double[] ready = new double[3];
            for (int i = 0; i < ready.length; i++) {
                long t0 = System.nanoTime();
                try (ServiceProcess service = ServiceProcess.start(env(corpus, data), logFile, "-Xmx" + xmx,
                        "-XX:AOTCache=" + cache.toAbsolutePath())) {
                    service.awaitUp(Duration.ofMinutes(30));
                    ready[i] = (System.nanoTime() - t0) / 1e9;
                    service.awaitReady(Duration.ofHours(2)); // the next start should not share the CPU with this sync
                }
            }
            log("%,d articles: restarts with the class cache ready in %s s", n, Arrays.toString(ready));
            Arrays.sort(ready);
            return ready[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> env(Path corpus, Path data) {
        return Map.of("FOOTNOTE_CORPUS_PATH", corpus.toAbsolutePath().toString(),
                "FOOTNOTE_DATA_PATH", data.toAbsolutePath().toString(), "FOOTNOTE_INGEST_SCAN_INTERVAL", "0");
    }

    /**
     * The service's own ingest code with the stand-in encoder, into an index under the signature the service
     * computes for its default model and chunking (so it opens the index as its own).
     */
    private static IngestReport buildWithStandIn(Path corpus, Path indexDir) throws IOException {
        String signature = CorpusIngester.signature(MODEL.configName(), MAX_TOKENS, OVERLAP,
                CorpusIngester.SentenceVectors.FROM_CHUNKS);
        HashStandInEncoder encoder = new HashStandInEncoder(384);
        try (LuceneIndex index = LuceneIndex.open(indexDir, signature, encoder.dimension())) {
            CorpusIngester ingester = new CorpusIngester(index, encoder, CorpusIngester.SentenceVectors.FROM_CHUNKS,
                    new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter()),
                    DocumentFormats.standard(), new Chunker(EmbeddingModels.tokenCounter(MODEL), MAX_TOKENS, OVERLAP),
                    64, CorpusIngester.Limits.DEFAULT);
            return ingester.ingest(corpus);
        }
    }

    /** Live heap after a full collection, in MB, as {@code jcmd GC.heap_info} reports it (metaspace excluded). */
    static double heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return usedHeapKb(jcmd(pid, "GC.heap_info")) / 1024.0;
    }

    /** Sums the generations' {@code used NK} (one line for G1, young + old for the serial and parallel GCs). */
    static long usedHeapKb(String heapInfo) {
        long kb = 0;
        Matcher m = Pattern.compile("used (\\d+)K").matcher("");
        for (String line : heapInfo.lines().toList()) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            m.reset(line);
            if (m.find()) {
                kb += Long.parseLong(m.group(1));
            }
        }
        return kb;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process p = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** Median of 40 sequential requests after 10 unmeasured ones, in ms. */
    private double listingP50(String url) throws IOException, InterruptedException {
        for (int i = 0; i < 10; i++) {
            get(url);
        }
        double[] ms = new double[40];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            get(url);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(url + " -> " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /** Least-squares line {@code y = a + b x}; with one point, a flat line through it. */
    record Fit(double intercept, double slope) {
        static Fit of(double[] x, double[] y) {
            int n = x.length;
            double mx = Arrays.stream(x).average().orElse(0);
            double my = Arrays.stream(y).average().orElse(0);
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
            double b = sxx == 0 ? 0 : sxy / sxx;
            return new Fit(my - b * mx, b);
        }

        double at(double x) {
            return intercept + slope * x;
        }
    }

    private void write(List<Row> rows, Instant started) throws IOException {
        double[] x = rows.stream().mapToDouble(Row::articles).toArray();
        StringBuilder md = new StringBuilder("# Scale benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Started %s; %d cores; service JVM -Xmx%s; %s.%n%n", started,
                Runtime.getRuntime().availableProcessors(), xmx, standIn
                        ? "index vectors from the " + HashStandInEncoder.LABEL + ", built through the real ingest "
                        + "code; questions embedded by the real model (" + MODEL.configName() + ")"
                        : "index built by the service with the real model (" + MODEL.configName() + ")"));
        md.append("| metric |");
        rows.forEach(r -> md.append(String.format(Locale.ROOT, " %,d articles |", r.articles())));
        md.append(" linear fit (per 100k articles) | EXTRAPOLATED to 1,000,000 |\n|---|");
        rows.forEach(r -> md.append("---|"));
        md.append("---|---|\n");
        row(md, "chunks / sentences", rows, r -> String.format(Locale.ROOT, "%,d / %,d", r.chunks(), r.sentences()));
        List<Map<String, Object>> fits = new ArrayList<>();
        for (Metric m : METRICS) {
            double[] y = rows.stream().mapToDouble(m.value()).toArray();
            Fit fit = Fit.of(x, y);
            md.append("| ").append(m.name()).append(" (").append(m.unit()).append(") |");
            for (double v : y) {
                md.append(' ').append(fmt(v)).append(" |");
            }
            // A falling line is noise (the load moved), not a cost that shrinks: not extrapolated.
            md.append(String.format(Locale.ROOT, " %s %+.3g | %s |%n", fmt(fit.intercept()), fit.slope() * 100_000,
                    rows.size() < 2 ? "–" : fit.slope() < 0 ? "– (no growth measured)" : fmt(fit.at(PROJECTED))));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("metric", m.name());
            f.put("unit", m.unit());
            f.put("values", y);
            f.put("intercept", fit.intercept());
            f.put("slopePerArticle", fit.slope());
            f.put("extrapolatedAt1000000", rows.size() < 2 ? null : fit.at(PROJECTED));
            fits.add(f);
        }
        row(md, "/api/ask errors (1 / 4 clients)", rows, r -> r.ask1().errors() + " / " + r.ask4().errors());
        row(md, "title filter: q / matches", rows, r -> "\"" + titleWord + "\" / " + r.filterTotal());
        row(md, "load average at start / end", rows,
                r -> String.format(Locale.ROOT, "%.1f / %.1f", r.loadStart(), r.loadEnd()));
        md.append("\nLinear fit: least squares of each metric against the number of articles over the sizes above"
                + (rows.size() == 2 ? " (two sizes: the line through both)" : "")
                + "; the last column is that line EXTRAPOLATED to 1,000,000 articles, not measured.\n");
        Files.writeString(WORK.resolve(reportName() + ".md"), md);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("encoder", standIn ? HashStandInEncoder.LABEL : MODEL.configName());
        json.put("xmx", xmx);
        json.put("rows", rows);
        json.put("fits", fits);
        json.put("extrapolatedTo", PROJECTED);
        JSON.writeValue(WORK.resolve(reportName() + ".json").toFile(), json);
    }

    /** {@code report} for the stand-in encoder, {@code report-model} for the real model (a run keeps the other's). */
    private String reportName() {
        return standIn ? "report" : "report-model";
    }

    private static void row(StringBuilder md, String name, List<Row> rows, java.util.function.Function<Row, String> f) {
        md.append("| ").append(name).append(" |");
        rows.forEach(r -> md.append(' ').append(f.apply(r)).append(" |"));
        md.append(" | |\n");
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[scale %tT] " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
