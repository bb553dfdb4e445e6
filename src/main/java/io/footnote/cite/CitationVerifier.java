package io.footnote.cite;

import io.footnote.domain.Document;
import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks, before an answer leaves the service, that every citation resolves exactly: its document exists,
 * its sentence index names a sentence whose offsets are the citation's, and its text is the document text
 * at those offsets. A citation that fails is dropped and counted, never shown.
 */
public final class CitationVerifier {

    /** The citations that resolved, and how many did not. */
    public record Result(List<Citation> valid, int rejected) {
    }

    private final Function<String, Optional<Document>> documents;

    public CitationVerifier(Function<String, Optional<Document>> documents) {
        this.documents = documents;
    }

    public Result verify(List<Citation> citations) {
        List<Citation> valid = new ArrayList<>(citations.size());
        int rejected = 0;
        for (Citation c : citations) {
            if (resolves(c)) {
                valid.add(c);
            } else {
                rejected++;
            }
        }
        return new Result(List.copyOf(valid), rejected);
    }

    public boolean resolves(Citation c) {
        Optional<Document> doc = documents.apply(c.documentId());
        if (doc.isEmpty()) {
            return false;
        }
        List<Sentence> sentences = doc.get().sentences();
        if (c.sentenceIndex() < 0 || c.sentenceIndex() >= sentences.size()) {
            return false;
        }
        Sentence s = sentences.get(c.sentenceIndex());
        String text = doc.get().text();
        return s.start() == c.start() && s.end() == c.end() && c.end() <= text.length()
                && text.substring(c.start(), c.end()).equals(c.text());
    }
}
