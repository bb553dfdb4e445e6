package io.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.footnote.llm.CitationPrompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a language model that reads perfectly: it answers with the question's supporting sentence,
 * copied from its prompt with that source's marker ({@code "<sentence> [n]"}), when the sentence is among the
 * numbered sources, and with {@code NO_ANSWER} when it is not. Run behind Footnote's real OpenAI-compatible
 * client, it measures the ceiling of the language-model mode end to end: retrieval, prompt, marker parsing and
 * citation checking, with no model error in the way.
 *
 * <p>It serves the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}, plain or streamed as
 * {@code data:} chunks, and {@code GET /v1/models}) on the loopback interface. Which sentences support the
 * current question is told to it through {@link #expect} before each question; questions are asked one at a
 * time. A source matches a supporting sentence when their texts are equal after whitespace is collapsed.
 */
public final class OracleReader implements AutoCloseable {

    /** The model name it reports. */
    public static final String MODEL = "oracle";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SOURCE_LINE = Pattern.compile("^\\[(\\d+)] (.*)$");
    private static final Pattern BEGIN = Pattern.compile("(?m)^BEGIN SOURCES (\\S+)$");

    private final AtomicReference<Set<String>> expected = new AtomicReference<>(Set.of());
    private final HttpServer server;

    private OracleReader(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on a free loopback port. */
    public static OracleReader start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OracleReader oracle = new OracleReader(server);
            server.createContext("/v1/chat/completions", oracle::complete);
            server.createContext("/v1/models", oracle::models);
            server.start();
            return oracle;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the oracle reader", e);
        }
    }

    /** The base URL to configure as {@code footnote.llm.base-url} (up to and including {@code /v1}). */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
    }

    /** The texts of the supporting sentences of the question asked next. */
    public void expect(Set<String> supportingSentences) {
        expected.set(Set.copyOf(supportingSentences));
    }

    /**
     * The oracle's reply to a prompt: the first numbered source inside the fenced sources block whose text is
     * one of {@code supporting}, followed by its marker; {@code NO_ANSWER} when none is.
     */
    public static String reply(String prompt, Set<String> supporting) {
        Matcher begin = BEGIN.matcher(prompt);
        if (!begin.find()) {
            return CitationPrompt.NO_ANSWER;
        }
        String end = "END SOURCES " + begin.group(1);
        Set<String> wanted = supporting.stream().map(CitationPrompt::oneLine).collect(java.util.stream.Collectors.toSet());
        for (String line : prompt.substring(begin.end()).split("\n")) {
            if (line.equals(end)) {
                break;
            }
            Matcher m = SOURCE_LINE.matcher(line);
            if (m.matches() && wanted.contains(CitationPrompt.oneLine(m.group(2)))) {
                return m.group(2) + " [" + m.group(1) + "]";
            }
        }
        return CitationPrompt.NO_ANSWER;
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            StringBuilder prompt = new StringBuilder();
            for (JsonNode message : request.path("messages")) {
                JsonNode content = message.path("content");
                if (content.isTextual()) {
                    prompt.append(content.asText()).append('\n');
                } else {
                    content.forEach(part -> prompt.append(part.path("text").asText()).append('\n'));
                }
            }
            String reply = reply(prompt.toString(), expected.get());
            if (request.path("stream").asBoolean(false)) {
                send(exchange, "text/event-stream", stream(reply));
            } else {
                ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-oracle").put("object", "chat.completion")
                        .put("created", 0).put("model", MODEL);
                ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", reply);
                root.putObject("usage").put("prompt_tokens", prompt.length() / 4).put("completion_tokens", reply.length() / 4)
                        .put("total_tokens", (prompt.length() + reply.length()) / 4);
                send(exchange, "application/json", root.toString());
            }
        }
    }

    private static String stream(String reply) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reply.length(); i += 16) {
            ObjectNode delta = JSON.createObjectNode().put("content", reply.substring(i, Math.min(reply.length(), i + 16)));
            out.append("data: ").append(chunk(delta, null)).append("\n\n");
        }
        out.append("data: ").append(chunk(JSON.createObjectNode(), "stop")).append("\n\n").append("data: [DONE]\n\n");
        return out.toString();
    }

    private static String chunk(ObjectNode delta, String finish) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-oracle").put("object", "chat.completion.chunk")
                .put("created", 0).put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return root.toString();
    }

    private void models(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL
                    + "\",\"object\":\"model\",\"created\":0,\"owned_by\":\"footnote\"}]}");
        }
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
