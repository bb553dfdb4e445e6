package io.footnote.ingest;

/** A file that cannot be indexed; the message says why, for the ingestion report. */
public class UnreadableDocumentException extends RuntimeException {
    public UnreadableDocumentException(String reason) {
        super(reason);
    }
}
