package io.footnote.cite;

import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CitationVerifierTest {

    private final Document doc = new Document("d", "Title", null, "First one. Second one.",
            List.of(new Sentence(0, 0, 10), new Sentence(1, 11, 22)), "d.txt", "h");
    private final CitationVerifier verifier = new CitationVerifier(id -> id.equals("d") ? Optional.of(doc) : Optional.empty());

    private static Citation c(String doc, int index, int start, int end, String text) {
        return new Citation(1, doc, "Title", null, index, start, end, text, 0.5);
    }

    @Test
    void keeps_citations_that_resolve_exactly_and_drops_the_rest() {
        List<Citation> citations = List.of(
                c("d", 1, 11, 22, "Second one."),  // exact
                c("d", 1, 11, 22, "Second one"),   // text differs
                c("d", 0, 11, 22, "Second one."),  // offsets are not sentence 0's
                c("x", 0, 0, 10, "First one."),    // unknown document
                c("d", 5, 0, 10, "First one."));   // no such sentence

        CitationVerifier.Result result = verifier.verify(citations);

        assertEquals(List.of(citations.get(0)), result.valid());
        assertEquals(4, result.rejected());
    }
}
