package io.footnote.answer;

/** The model answered, but with nothing usable (empty, unparsable, or no claim backed by a source). */
public class ModelOutputException extends RuntimeException {
    public ModelOutputException(String message) {
        super(message);
    }
}
