package io.footnote.web.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.footnote.answer.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OpenAI {@code messages} array read as a Footnote question: the last message must be the user's, and is
 * the question; the user and assistant messages before it are the history used to make a follow-up
 * standalone, of which only the most recent {@code maxHistory} are kept (a chat client resends the whole
 * conversation every time, and only the latest turns can matter to a follow-up). {@code system} and
 * {@code developer} messages are accepted and ignored: Footnote's answers are governed by its own prompt and
 * checks, which a caller's instructions must not loosen.
 *
 * @param question the last user message's text
 * @param history  the earlier user and assistant turns, oldest first
 */
public record Conversation(String question, List<Turn> history) {

    /**
     * @throws OpenAiException (400) naming the offending message when the array is empty, a role is unknown
     *                         or asks for tools, a content part is not text, or the last message is not the user's
     */
    public static Conversation of(List<ChatCompletionRequest.Message> messages, int maxHistory) {
        if (messages == null || messages.isEmpty()) {
            throw OpenAiException.invalid("messages", "'messages' must be a non-empty array of messages.");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatCompletionRequest.Message m = messages.get(i);
            String at = "messages[" + i + "]";
            if (m == null || m.role() == null) {
                throw OpenAiException.invalid(at + ".role", "'" + at + ".role' is required.");
            }
            String role = m.role().toLowerCase(Locale.ROOT);
            switch (role) {
                case "system", "developer" -> {
                    // ignored on purpose: see the class comment
                }
                case "user", "assistant" -> {
                    if (present(m.toolCalls()) || present(m.functionCall())) {
                        throw OpenAiException.invalid(at + (present(m.toolCalls()) ? ".tool_calls" : ".function_call"),
                                "Footnote does not call tools or functions; '" + at + "' carries calls.");
                    }
                    String text = text(m.content(), at, role.equals("user"));
                    if (text != null) {
                        turns.add(new Turn(role, text));
                    }
                }
                case "tool", "function" -> throw OpenAiException.invalid(at + ".role",
                        "Footnote does not call tools or functions, so messages with role '" + m.role()
                                + "' are not supported.");
                default -> throw OpenAiException.invalid(at + ".role", "Invalid value '" + m.role() + "' for '" + at
                        + ".role': supported values are 'system', 'developer', 'user' and 'assistant'.");
            }
        }
        if (turns.isEmpty() || !turns.get(turns.size() - 1).role().equals("user")) {
            throw OpenAiException.invalid("messages", "The last user or assistant message must be the user's: "
                    + "Footnote answers the last user message.");
        }
        String question = turns.remove(turns.size() - 1).content();
        List<Turn> history = turns.size() > maxHistory ? turns.subList(turns.size() - maxHistory, turns.size()) : turns;
        return new Conversation(question, List.copyOf(history));
    }

    /** True when an optional field was sent with a value: not absent, not null, not an empty array. */
    static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode() && !(n.isArray() && n.isEmpty());
    }

    /** The text of a message's content, or null for an assistant message without any. */
    private static String text(JsonNode content, String at, boolean required) {
        if (content == null || content.isNull()) {
            if (required) {
                throw OpenAiException.invalid(at + ".content", "'" + at + ".content' is required.");
            }
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw OpenAiException.invalid(at + ".content", "'" + at + ".content' must be a string or an array of "
                    + "content parts.");
        }
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partAt = at + ".content[" + j + "]";
            String type = part.path("type").asText("");
            switch (type) {
                case "text" -> {
                    if (!part.path("text").isTextual()) {
                        throw OpenAiException.invalid(partAt + ".text", "'" + partAt + ".text' must be a string.");
                    }
                    text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
                }
                case "refusal" -> {
                    // an assistant's refusal carries no facts to resolve a follow-up against
                }
                case "" -> throw OpenAiException.invalid(partAt + ".type", "'" + partAt + ".type' is required.");
                default -> throw OpenAiException.invalid(partAt + ".type", "Footnote answers from text only: content "
                        + "parts of type '" + type + "' are not supported.");
            }
        }
        return text.toString();
    }
}
