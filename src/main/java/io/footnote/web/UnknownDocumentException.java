package io.footnote.web;

/** A document id that is not in the index. */
public class UnknownDocumentException extends RuntimeException {
    public UnknownDocumentException(String id) {
        super("No document with id '" + id + "'; GET /api/documents lists them.");
    }
}
