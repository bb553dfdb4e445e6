package io.footnote.llm;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Token counts reach the metrics through the real OpenAI client, against a stubbed server. */
class TokenMetricsTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void tokens_the_provider_reports_are_counted_by_kind() {
        // given a server that reports 120 prompt and 17 completion tokens per answer
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(completion(120, 17))));
        ChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("test").modelName("m")
                .maxRetries(0).listeners(List.of(new TokenMetrics(meters))).build();

        // when it answers twice
        model.chat("first?");
        model.chat("second?");

        // then
        assertEquals(240, meters.get("footnote.model.tokens").tag("kind", "input").counter().count());
        assertEquals(34, meters.get("footnote.model.tokens").tag("kind", "output").counter().count());
    }

    @Test
    void a_provider_that_reports_no_usage_adds_nothing() {
        // given a reply without a usage block
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(completion(-1, -1))));
        ChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/v1").apiKey("test").modelName("m")
                .maxRetries(0).listeners(List.of(new TokenMetrics(meters))).build();

        // when
        model.chat("question?");

        // then
        assertEquals(0, meters.get("footnote.model.tokens").tag("kind", "input").counter().count());
        assertEquals(0, meters.get("footnote.model.tokens").tag("kind", "output").counter().count());
    }

    private static String completion(int prompt, int completion) {
        String usage = prompt < 0 ? "" : """
                ,"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}""".formatted(prompt, completion,
                prompt + completion);
        return """
                {"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,\
                "message":{"role":"assistant","content":"An answer. [1]"},"finish_reason":"stop"}]%s}""".formatted(usage);
    }
}
