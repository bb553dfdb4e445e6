package io.footnote.answer;

/** The answerer answered, but with nothing usable (empty, unparsable, or no claim backed by a source). */
public class UnusableAnswerException extends RuntimeException {
    public UnusableAnswerException(String message) {
        super(message);
    }
}
