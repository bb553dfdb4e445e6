package io.footnote.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock transformer that plays a language model: it answers with a scripted reply, written in the
 * provider's real wire format (OpenAI chat completions, plain or {@code data:} chunks; Ollama {@code /api/chat},
 * plain or NDJSON; Anthropic messages, plain or server-sent events).
 *
 * <p>A script cites sources by content, since their numbers depend on retrieval: {@code {{288 deportations}}}
 * becomes {@code [k]} where {@code [k]} is the numbered source line of the prompt containing "288 deportations".
 * A placeholder no source line contains becomes {@code [MISSING:…]}, which a test sees in the answer.
 *
 * <p>Parameters: {@code reply} (the script), {@code format} ({@code openai}, {@code ollama}, {@code anthropic}),
 * {@code finish} ({@code stop} or {@code length}), {@code chunk} (characters per streamed piece). Whether to
 * stream is read from the request, as the real servers do.
 */
public class ScriptedReplies implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "scripted-reply";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}");
    private static final Pattern SOURCE_LINE = Pattern.compile("(?m)^\\[(\\d+)] (.*)$");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Parameters p = event.getTransformerParameters();
        String format = p.getString("format", "openai");
        String finish = p.getString("finish", "stop");
        int chunk = p.getInt("chunk", 6);
        JsonNode request;
        try {
            request = JSON.readTree(event.getRequest().getBodyAsString());
        } catch (Exception e) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withBody("bad request json").build();
        }
        String reply = reply(p, promptText(request));
        boolean stream = request.path("stream").asBoolean(format.equals("ollama"));
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < reply.length(); i += chunk) {
            pieces.add(reply.substring(i, Math.min(reply.length(), i + chunk)));
        }
        ResponseDefinitionBuilder out = ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(200);
        return switch (format) {
            case "ollama" -> stream
                    ? out.withHeader("Content-Type", "application/x-ndjson").withBody(ollamaStream(pieces, finish)).build()
                    : out.withHeader("Content-Type", "application/json").withBody(ollama(reply, finish, true)).build();
            case "anthropic" -> stream
                    ? out.withHeader("Content-Type", "text/event-stream").withBody(anthropicStream(pieces, finish)).build()
                    : out.withHeader("Content-Type", "application/json").withBody(anthropic(reply, finish)).build();
            default -> stream
                    ? out.withHeader("Content-Type", "text/event-stream").withBody(openAiStream(pieces, finish)).build()
                    : out.withHeader("Content-Type", "application/json").withBody(openAi(reply, finish)).build();
        };
    }

    /** The reply to a prompt: the {@code reply} script with its placeholders resolved against the sources. */
    protected String reply(Parameters p, String prompt) {
        return resolve(p.getString("reply"), prompt);
    }

    /** Every string in the request joined: system prompt, messages, whatever the provider's shape. */
    static String promptText(JsonNode request) {
        StringBuilder out = new StringBuilder();
        collect(request, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        } else {
            node.forEach(child -> collect(child, out));
        }
    }

    static String resolve(String script, String prompt) {
        Matcher m = PLACEHOLDER.matcher(script);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = "MISSING:" + m.group(1);
            Matcher line = SOURCE_LINE.matcher(prompt);
            while (line.find()) {
                if (line.group(2).contains(m.group(1))) {
                    number = line.group(1);
                    break;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement("[" + number + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String openAi(String reply, String finish) {
        ObjectNode root = NODES.objectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1)
                .put("model", LlmStub.MODEL);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
        choice.putObject("message").put("role", "assistant").put("content", reply);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return root.toString();
    }

    private static String openAiStream(List<String> pieces, String finish) {
        StringBuilder out = new StringBuilder();
        out.append("data: ").append(openAiChunk("{\"role\":\"assistant\",\"content\":\"\"}", null)).append("\n\n");
        for (String piece : pieces) {
            out.append("data: ").append(openAiChunk(NODES.objectNode().put("content", piece).toString(), null)).append("\n\n");
        }
        out.append("data: ").append(openAiChunk("{}", finish)).append("\n\n");
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    private static String openAiChunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + LlmStub.MODEL
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    private static String ollama(String content, String finish, boolean done) {
        ObjectNode root = NODES.objectNode().put("model", LlmStub.MODEL).put("created_at", "2025-01-01T00:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", done);
        if (done) {
            root.put("done_reason", finish).put("total_duration", 1).put("prompt_eval_count", 10).put("eval_count", 10);
        }
        return root.toString();
    }

    private static String ollamaStream(List<String> pieces, String finish) {
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            out.append(ollama(piece, finish, false)).append('\n');
        }
        out.append(ollama("", finish, true)).append('\n');
        return out.toString();
    }

    private static String anthropicStop(String finish) {
        return finish.equals("length") ? "max_tokens" : "end_turn";
    }

    private static String anthropic(String reply, String finish) {
        ObjectNode root = NODES.objectNode().put("id", "msg_1").put("type", "message").put("role", "assistant")
                .put("model", LlmStub.MODEL);
        root.putArray("content").addObject().put("type", "text").put("text", reply);
        root.put("stop_reason", anthropicStop(finish)).putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", 10).put("output_tokens", 10);
        return root.toString();
    }

    private static String anthropicStream(List<String> pieces, String finish) {
        StringBuilder out = new StringBuilder();
        sse(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"" + LlmStub.MODEL + "\",\"content\":[],\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}");
        sse(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        for (String piece : pieces) {
            ObjectNode delta = NODES.objectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            sse(out, "content_block_delta", delta.toString());
        }
        sse(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        sse(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + anthropicStop(finish)
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":10}}");
        sse(out, "message_stop", "{\"type\":\"message_stop\"}");
        return out.toString();
    }

    private static void sse(StringBuilder out, String event, String data) {
        out.append("event: ").append(event).append('\n').append("data: ").append(data).append("\n\n");
    }
}
