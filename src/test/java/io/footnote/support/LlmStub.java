package io.footnote.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Starts an in-process WireMock server on a random port that speaks a provider's wire protocol, and points
 * the service at it. Args: {@code provider} ({@code openai}, {@code ollama}, {@code anthropic}) or
 * {@code unreachable} (no server: the base URL names a closed port).
 *
 * <p>The service indexes a test corpus made of the seed articles plus {@code llm-corpus/002_injection.txt}, an
 * article that tries to give the model instructions.
 */
public class LlmStub implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "stub-model";
    public static final Path CORPUS = Path.of("target/llm-corpus");

    private String provider;
    private WireMockServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        provider = initArgs.getOrDefault("provider", "openai");
    }

    @Override
    public Map<String, String> start() {
        prepareCorpus();
        Map<String, String> config = new HashMap<>();
        config.put("footnote.corpus.path", CORPUS.toString());
        config.put("footnote.data.path", "target/test-data-llm-" + provider);
        config.put("footnote.llm.model", MODEL);
        config.put("footnote.llm.api-key", "test-key");
        config.put("footnote.llm.timeout", "1500ms");
        config.put("footnote.llm.retry-delay", "10ms");
        config.put("footnote.llm.max-retries", "2");
        config.put("footnote.llm.circuit-breaker.request-volume", "4");
        config.put("footnote.llm.circuit-breaker.failure-ratio", "0.75");
        config.put("footnote.llm.circuit-breaker.delay", "60s");
        if (provider.equals("unreachable")) {
            config.put("footnote.llm.provider", "openai");
            // a port nothing listens on: every call is refused
            config.put("footnote.llm.base-url", "http://localhost:" + FreePort.pick() + "/v1");
            return config;
        }
        server = new WireMockServer(options().dynamicPort().extensions(new ScriptedReplies(), new OracleReplies()));
        server.start();
        stubCatalog(server, provider);
        config.put("footnote.llm.provider", provider);
        config.put("footnote.llm.base-url", "http://localhost:" + server.port() + (provider.equals("ollama") ? "" : "/v1"));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        if (server != null) {
            testInjector.injectIntoFields(new StubbedProvider(server, provider),
                    new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, StubbedProvider.class));
        }
    }

    /** The provider's model list, which the service reads at start-up to check the server answers. */
    public static void stubCatalog(WireMockServer server, String provider) {
        String path;
        String body;
        switch (provider) {
            case "ollama" -> {
                path = "/api/tags";
                body = "{\"models\":[{\"name\":\"" + MODEL + "\",\"model\":\"" + MODEL + "\","
                        + "\"modified_at\":\"2025-01-01T00:00:00Z\",\"size\":1,\"digest\":\"d\",\"details\":{}}]}";
            }
            case "anthropic" -> {
                path = "/v1/models";
                body = "{\"data\":[{\"type\":\"model\",\"id\":\"" + MODEL + "\",\"display_name\":\"Stub\","
                        + "\"created_at\":\"2025-01-01T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"" + MODEL
                        + "\",\"last_id\":\"" + MODEL + "\"}";
            }
            default -> {
                path = "/v1/models";
                body = "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\",\"created\":1,"
                        + "\"owned_by\":\"stub\"}]}";
            }
        }
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    /** Writes the seed articles and the injection article into {@link #CORPUS}. */
    public static void prepareCorpus() {
        try {
            Files.createDirectories(CORPUS);
            try (var files = Files.list(SeedCorpus.FOLDER)) {
                for (Path p : files.toList()) {
                    Files.copy(p, CORPUS.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (InputStream in = LlmStub.class.getResourceAsStream("/llm-corpus/002_injection.txt")) {
                Files.copy(in, CORPUS.resolve("002_injection.txt"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
