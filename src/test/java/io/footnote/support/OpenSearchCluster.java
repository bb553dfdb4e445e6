package io.footnote.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A real two-node OpenSearch cluster on 127.0.0.1 for the integration tests (HTTP 9201–9202, transport
 * 9301–9302), started from the distribution and plugin zips the {@code opensearch} Maven profile unpacks
 * into {@code target/} ({@code -Dopensearch.home}, {@code -Dopensearch.plugins}).
 *
 * <p>Each node is its own JVM (OpenSearch's Lucene must not meet the service's), with its configuration,
 * data, logs and {@code gc.log} in its own folder under {@code target/opensearch-cluster}. OpenSearch refuses
 * to run as root, so under root the folders are handed to user 65534 and the nodes started through
 * {@code setpriv}. Node 1 manages the cluster and holds data, node 2 holds data only (the one to kill, see
 * {@link #DATA_ONLY}). Nodes are stopped by PID: {@link #kill(int)} in a test, {@link #close()} at the end and a
 * shutdown hook if the JVM ends first. One cluster serves every test class of the failsafe JVM
 * ({@link #shared()}); a test that kills a node starts it again.
 */
public final class OpenSearchCluster implements AutoCloseable {

    public static final int NODES = 2;
    /** The node that holds data only: killing it leaves the cluster managed, with every shard on node 1. */
    public static final int DATA_ONLY = 1;
    private static final int HTTP_BASE = 9201;
    private static final int TRANSPORT_BASE = 9301;
    private static final String UNPRIVILEGED = "65534";

    private static OpenSearchCluster shared;

    private final Path home;
    private final Path plugins;
    private final Path work;
    private final Process[] nodes = new Process[NODES];
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenSearchCluster(Path home, Path plugins, Path work) {
        this.home = home;
        this.plugins = plugins;
        this.work = work;
    }

    /** The cluster of this JVM, started (from empty data folders) on first use and stopped when the JVM ends. */
    public static synchronized OpenSearchCluster shared() {
        if (shared == null) {
            Path home = Path.of(required("opensearch.home"));
            Path plugins = Path.of(required("opensearch.plugins"));
            OpenSearchCluster c = new OpenSearchCluster(home, plugins, Path.of("target/opensearch-cluster").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(c::close, "opensearch-cluster-stop"));
            c.start();
            shared = c;
        }
        return shared;
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("-D" + property + " is not set: run the OpenSearch tests with ./mvnw verify -Popensearch");
        }
        return v;
    }

    /** {@code http://127.0.0.1:9201,http://127.0.0.1:9202}: the value of {@code footnote.opensearch.hosts}. */
    public String hosts() {
        return IntStream.range(0, NODES).mapToObj(this::url).collect(Collectors.joining(","));
    }

    public String url(int node) {
        return "http://127.0.0.1:" + (HTTP_BASE + node);
    }

    private void start() {
        try {
            installPlugins();
            Folders.deleteRecursively(work);
            for (int i = 0; i < NODES; i++) {
                configure(i);
            }
            if (isRoot()) {
                run(List.of("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, home.toString(), work.toString()));
            }
            for (int i = 0; i < NODES; i++) {
                startNode(i);
            }
            awaitHealth("green", NODES, Duration.ofMinutes(3));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void installPlugins() throws IOException {
        if (Files.isDirectory(home.resolve("plugins/opensearch-knn")) && Files.isDirectory(home.resolve("plugins/opensearch-neural-search"))) {
            return;
        }
        // k-NN first: neural-search extends it.
        for (String prefix : List.of("opensearch-knn-", "neural-search-")) {
            Path zip;
            try (Stream<Path> s = Files.list(plugins)) {
                zip = s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.zip in " + plugins));
            }
            List<String> cmd = List.of(home.resolve("bin/opensearch-plugin").toString(), "install", "--batch",
                    zip.toUri().toString());
            run(cmd, Map.of("OPENSEARCH_JAVA_HOME", System.getProperty("java.home")));
        }
    }

    private Path nodeDir(int i) {
        return work.resolve("node-" + (i + 1));
    }

    private void configure(int i) throws IOException {
        Path dir = nodeDir(i);
        Path conf = dir.resolve("config");
        Files.createDirectories(conf);
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        Files.copy(home.resolve("config/log4j2.properties"), conf.resolve("log4j2.properties"));
        String seeds = IntStream.range(0, NODES).mapToObj(n -> "\"127.0.0.1:" + (TRANSPORT_BASE + n) + "\"")
                .collect(Collectors.joining(", "));
        Files.writeString(conf.resolve("opensearch.yml"), String.join("\n",
                "cluster.name: footnote-it",
                "node.name: node-" + (i + 1),
                "network.host: 127.0.0.1",
                "http.port: " + (HTTP_BASE + i),
                "transport.port: " + (TRANSPORT_BASE + i),
                "discovery.seed_hosts: [" + seeds + "]",
                // Node 1 alone manages the cluster: of two manager-eligible nodes only one votes, so killing the
                // voting one would leave no manager. Node 2 holds data only and is the one tests kill.
                "node.roles: " + (i == 0 ? "[cluster_manager, data, ingest]" : "[data, ingest]"),
                "cluster.initial_cluster_manager_nodes: [\"node-1\"]",
                "path.data: " + dir.resolve("data"),
                "path.logs: " + dir.resolve("logs"),
                // A shared build machine may have little disk left; the tests' data are small.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                ""));
        List<String> jvm = new ArrayList<>();
        for (String line : Files.readAllLines(home.resolve("config/jvm.options"))) {
            String l = line.strip();
            if (l.equals("-Xms1g") || l.equals("-Xmx1g")) {
                continue;
            }
            jvm.add(line.replace("file=logs/gc.log", "file=" + dir.resolve("logs/gc.log"))
                    .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + dir.resolve("data"))
                    .replace("-XX:ErrorFile=logs/", "-XX:ErrorFile=" + dir.resolve("logs") + "/"));
        }
        jvm.add("-Xms512m");
        jvm.add("-Xmx512m");
        Files.write(conf.resolve("jvm.options"), jvm);
        Files.createDirectories(conf.resolve("jvm.options.d"));
    }

    private void startNode(int i) {
        if (nodes[i] != null && nodes[i].isAlive()) {
            throw new IllegalStateException("OpenSearch node " + (i + 1) + " is already running (PID " + nodes[i].pid() + ")");
        }
        Path dir = nodeDir(i);
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups"));
        }
        cmd.add(home.resolve("bin/opensearch").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/stdout.log").toFile()));
        pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OPENSEARCH_PATH_CONF", dir.resolve("config").toString());
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("OPENSEARCH_JAVA_OPTS");
        try {
            nodes[i] = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start OpenSearch node " + (i + 1), e);
        }
    }

    /** Kills node {@code i} (0-based) at once, as a crash would: SIGKILL to its PID. */
    public void kill(int i) {
        Process p = nodes[i];
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            nodes[i] = null;
        }
    }

    /**
     * Starts node {@code i} again on its data folder if it is not running (a test may fail before its kill),
     * and waits until the cluster is green again.
     */
    public synchronized void restart(int i) {
        if (nodes[i] == null || !nodes[i].isAlive()) {
            startNode(i);
        }
        awaitHealth("green", NODES, Duration.ofMinutes(3));
    }

    public long pid(int i) {
        return nodes[i].pid();
    }

    /** Waits until the cluster reports {@code status} (or better) with {@code nodeCount} nodes. */
    public void awaitHealth(String status, int nodeCount, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < NODES; i++) {
                if (nodes[i] == null || !nodes[i].isAlive()) {
                    continue;
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(i)
                                    + "/_cluster/health?wait_for_status=" + status + "&wait_for_nodes=" + nodeCount + "&timeout=5s"))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    last = r.body();
                    if (r.statusCode() == 200 && !r.body().contains("\"timed_out\":true")) {
                        return;
                    }
                } catch (IOException e) {
                    last = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            for (int i = 0; i < NODES; i++) {
                if (nodes[i] != null && !nodes[i].isAlive()) {
                    throw new IllegalStateException("OpenSearch node " + (i + 1) + " exited: " + tail(i));
                }
            }
            sleep(1000);
        }
        throw new IllegalStateException("OpenSearch cluster not " + status + " with " + nodeCount + " nodes after "
                + timeout + ": " + last + "\n" + tail(0));
    }

    /** A REST call to one node, for tests that look at the cluster directly. */
    public HttpResponse<String> request(String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(firstAlive()) + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int firstAlive() {
        for (int i = 0; i < NODES; i++) {
            if (nodes[i] != null && nodes[i].isAlive()) {
                return i;
            }
        }
        throw new IllegalStateException("no OpenSearch node is running");
    }

    private String tail(int i) {
        try {
            Path log = nodeDir(i).resolve("logs/stdout.log");
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public synchronized void close() {
        for (int i = 0; i < NODES; i++) {
            kill(i);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> cmd) {
        run(cmd, Map.of());
    }

    private static void run(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
