package io.footnote.answer;

/** A question the service will not try to answer; the message says what is wrong with it. */
public class InvalidQuestionException extends RuntimeException {
    public InvalidQuestionException(String message) {
        super(message);
    }
}
