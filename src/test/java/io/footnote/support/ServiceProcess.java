package io.footnote.support;

import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process on a free
 * loopback port, for tests and benchmarks that need a real process: one they can kill, restart, and measure.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Where {@code ./mvnw package} puts the runnable application. */
    public static final Path JAR = Path.of(System.getProperty("footnote.app.jar", "target/quarkus-app/quarkus-run.jar"));

    /** The service's JVM flags, as a Java argument file ({@code ./run.sh} passes the same file). */
    public static final Path JVM_OPTIONS = Path.of("src/main/jvm/footnote.options");

    private final Process process;
    private final int port;
    private final Path log;

    private final String adminKey;

    private ServiceProcess(Process process, int port, Path log, String adminKey) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.adminKey = adminKey;
    }

    /**
     * Starts the application with these environment settings (e.g. {@code FOOTNOTE_CORPUS_PATH}); its output
     * goes to {@code log}. Unless {@code env} says otherwise, the process gets a fresh random admin key (which
     * {@link #http()} sends) and no rate limit, since tests and benchmarks load it from one address.
     */
    public static ServiceProcess start(Map<String, String> env, Path log, String... jvmArgs) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw package first (failsafe runs after it)");
        }
        int port = FreePort.pick();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // The flags ./run.sh starts the service with, so that what is measured here is what users run; the
        // caller's own come after them and win where they overlap (-Xmx).
        command.add("@" + JVM_OPTIONS.toAbsolutePath());
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("FOOTNOTE_ADMIN_API_KEY", UUID.randomUUID().toString());
        pb.environment().put("FOOTNOTE_RATE_LIMIT_REQUESTS_PER_MINUTE", "0");
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        try {
            return new ServiceProcess(pb.start(), port, log, pb.environment().get("FOOTNOTE_ADMIN_API_KEY"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests to the process, carrying its admin key. */
    public RequestSpecification http() {
        RequestSpecification request = given().baseUri("http://127.0.0.1").port(port);
        return adminKey == null || adminKey.isBlank() ? request : request.header("Authorization", "Bearer " + adminKey);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Polls {@code condition} until it holds; fails with the log's tail if the process dies or time runs out. */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // connection refused while the JVM starts
            }
            if (!process.isAlive()) {
                throw new AssertionError("service exited (" + process.exitValue() + ") before: " + what + "\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "\n" + logTail());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Waits for {@code /q/health/ready} 200 alone: the service answers questions (from what is committed), though
     * its start-up sync may still run. What a user's load balancer waits for, and what "restart to ready" measures.
     */
    public void awaitUp(Duration timeout) {
        await("up", timeout, () -> http().get("/q/health/ready").statusCode() == 200);
    }

    public void awaitReady(Duration timeout) {
        // Up comes before the start-up sync ends; callers here want the corpus in, so the sync is awaited too, and
        // the merge a bulk pass runs in the background after it (what they measure next should not share the CPU
        // with it). A status the caller may not read (an admin key is set) is not waited on.
        await("ready", timeout, () -> {
            var ready = http().get("/q/health/ready");
            return ready.statusCode() == 200 && !ready.asString().matches("(?s).*\"syncing\"\\s*:\\s*true.*");
        });
        await("merged", timeout, () -> {
            var status = http().get("/api/ingest/status");
            return status.statusCode() != 200 || !status.asString().matches("(?s).*\"merging\"\\s*:\\s*true.*");
        });
    }

    /** SIGKILL on Linux: no shut-down hook runs, nothing is flushed or committed. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** A normal stop (SIGTERM): shut-down hooks run. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
