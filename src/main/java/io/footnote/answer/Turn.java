package io.footnote.answer;

/** One earlier message of the conversation: {@code role} is {@code user} or {@code assistant}. */
public record Turn(String role, String content) {
}
