package io.footnote.domain;

/**
 * A run of whole sentences {@code [firstSentence, lastSentence]} of one document: the unit that is embedded
 * and retrieved. {@code start}/{@code end} span the run in the document text.
 */
public record Chunk(String documentId, int ordinal, int firstSentence, int lastSentence, int start, int end) {

    public String id() {
        return documentId + "#" + ordinal;
    }

    public boolean contains(int sentenceIndex) {
        return sentenceIndex >= firstSentence && sentenceIndex <= lastSentence;
    }
}
