package io.footnote.web.openai;

/**
 * Token counts for the {@code usage} field, approximated the way OpenAI's own guidance does — one token per
 * four characters of English text, rounded up — because the text is not run through any model's tokenizer
 * that the count could honestly be taken from (extractive answers involve no model at all).
 */
final class Tokens {

    private Tokens() {
    }

    static int approximate(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (text.codePointCount(0, text.length()) + 3) / 4;
    }
}
