package io.footnote.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The stubbed language-model provider a test talks to through the service: the WireMock server
 * {@link LlmStub} started, speaking the profile's provider wire protocol ({@code openai}, {@code ollama} or
 * {@code anthropic}), so the service's real HTTP clients run. A test receives it in a field marked
 * {@link InjectWireMock}.
 *
 * <p>{@link #reset} readies it for a test; {@link #stubFor}, {@link #verify} and {@link #findAll} are the
 * server's; the other methods script and read the <em>answer</em> call: the provider's chat endpoint called
 * with a prompt that holds the numbered sources ({@code BEGIN SOURCES}), as opposed to, say, a follow-up
 * rewrite.
 */
public final class StubbedProvider {

    private final WireMockServer server;
    private final String provider;
    private final String path;

    StubbedProvider(WireMockServer server, String provider) {
        this.server = server;
        this.provider = provider;
        this.path = switch (provider) {
            case "ollama" -> "/api/chat";
            case "anthropic" -> "/v1/messages";
            default -> "/v1/chat/completions";
        };
    }

    /**
     * A stubbed provider of its own, outside any Quarkus test (e.g. for the packaged application run as a
     * process), serving the model list; {@link #stop} it after.
     */
    public static StubbedProvider standalone(String provider) {
        WireMockServer server = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                .dynamicPort().extensions(new ScriptedReplies(), new OracleReplies()));
        server.start();
        LlmStub.stubCatalog(server, provider);
        return new StubbedProvider(server, provider);
    }

    /** The base URL to configure as {@code footnote.llm.base-url}. */
    public String baseUrl() {
        return "http://localhost:" + server.port() + (provider.equals("ollama") ? "" : "/v1");
    }

    /** Stops a {@link #standalone} stub. */
    public void stop() {
        server.stop();
    }

    /**
     * Waits for the service's index, forgets earlier stubs and requests, serves the provider's model list again
     * and closes every circuit breaker, so no test sees another's model state.
     */
    public void reset() {
        Ready.awaitIndex();
        server.resetAll();
        LlmStub.stubCatalog(server, provider);
        CircuitBreakerMaintenance.get().resetAll();
    }

    /** Adds a stub; the latest matching stub answers. */
    public void stubFor(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Fails the test unless {@code count} requests matched {@code pattern}. */
    public void verify(int count, RequestPatternBuilder pattern) {
        server.verify(count, pattern);
    }

    /** Fails the test unless at least one request matched {@code pattern}. */
    public void verify(RequestPatternBuilder pattern) {
        server.verify(pattern);
    }

    /** The requests that matched {@code pattern}, oldest first. */
    public List<LoggedRequest> findAll(RequestPatternBuilder pattern) {
        return server.findAll(pattern);
    }

    /** The provider's chat endpoint ({@code /v1/chat/completions}, {@code /api/chat}, {@code /v1/messages}). */
    public String path() {
        return path;
    }

    /** The answer call: a POST to the chat endpoint whose prompt holds the sources. */
    public MappingBuilder answerCall() {
        return post(urlEqualTo(path)).withRequestBody(containing("BEGIN SOURCES"));
    }

    /** A reply that plays {@code script} ({@link ScriptedReplies}) in this provider's format, ending normally. */
    public ResponseDefinitionBuilder scripted(String script) {
        return scripted(script, "stop");
    }

    /** A reply that plays {@code script} in this provider's format, ending for {@code finish} ({@code stop}, {@code length}). */
    public ResponseDefinitionBuilder scripted(String script, String finish) {
        return aResponse().withTransformers(ScriptedReplies.NAME).withTransformerParameter("reply", script)
                .withTransformerParameter("format", provider).withTransformerParameter("finish", finish);
    }

    /** Every answer call replies with {@code script}. */
    public void replies(String script) {
        server.stubFor(answerCall().willReturn(scripted(script)));
    }

    /** Every answer call replies with {@code script}, ending for {@code finish}. */
    public void replies(String script, String finish) {
        server.stubFor(answerCall().willReturn(scripted(script, finish)));
    }

    /** Every answer call is answered by the oracle reader ({@link OracleReplies}) knowing {@code supporting}. */
    public void oracleKnows(String supporting) {
        server.stubFor(answerCall().willReturn(aResponse().withTransformers(OracleReplies.NAME)
                .withTransformerParameter("supporting", supporting).withTransformerParameter("format", provider)));
    }

    /** The answer calls the service made, oldest first. */
    public List<LoggedRequest> answerRequests() {
        return LlmCalls.answerRequests(server, path);
    }

    /** The body of the last answer call; fails the test when the model was not asked. */
    public JsonNode lastAnswerRequest() {
        List<LoggedRequest> requests = answerRequests();
        assertFalse(requests.isEmpty(), "the model was not asked");
        return LlmCalls.json(requests.getLast());
    }
}
