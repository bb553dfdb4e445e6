package io.footnote.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node.js script from {@code src/test/node/<name>} with the npm packages its {@code package-lock.json}
 * pins: the folder is copied to {@code target/node/<name>} and installed there with {@code npm ci}, so the
 * source tree stays clean and {@code mvn clean} removes the install. Node and npm must be on the PATH
 * ({@code .ci/run} installs them when missing).
 */
public final class NodeScript {

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node");

    private final Path dir;

    private NodeScript(Path dir) {
        this.dir = dir;
    }

    /** Copies the project and runs {@code npm ci} in the copy. */
    public static NodeScript install(String name) {
        Path from = SOURCES.resolve(name);
        Path to = WORK.resolve(name);
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeScript script = new NodeScript(to);
        script.run(Map.of(), 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        return script;
    }

    /** Runs {@code node <script> <args…>} and returns what it printed on stdout. */
    public String node(Map<String, String> env, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run(env, 180, command.toArray(String[]::new));
    }

    private String run(Map<String, String> env, int timeoutSeconds, String... command) {
        try {
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue()
                        + "; stderr: " + Files.readString(err, StandardCharsets.UTF_8) + "; stdout: " + stdout);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run (are node and npm installed?)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
