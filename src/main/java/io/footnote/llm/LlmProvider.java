package io.footnote.llm;

import java.util.Locale;

/** The kinds of language-model server Footnote can talk to, and their defaults. */
public enum LlmProvider {
    NONE(null),
    OPENAI("gpt-4o-mini"),
    OLLAMA("llama3.2"),
    ANTHROPIC("claude-3-5-haiku-latest");

    private final String defaultModel;

    LlmProvider(String defaultModel) {
        this.defaultModel = defaultModel;
    }

    public String defaultModel() {
        return defaultModel;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static LlmProvider byName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown footnote.llm.provider '" + name
                    + "'; use none, openai, ollama or anthropic");
        }
    }
}
