package io.footnote.web;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.footnote.app.Documents;
import io.footnote.domain.Document;
import io.footnote.domain.Titles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;

/** The indexed articles: a listing, and each article's text with its sentence offsets. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiTags.DOCUMENTS)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class DocumentResource {

    /** One article as listed: {@code title} is the short title for display, {@code fullTitle} as indexed. */
    public record DocumentSummary(String id, String title, String fullTitle, LocalDate date, String source,
                                  int sentences, int chunks) {
    }

    public record SentenceSpan(int index, int start, int end) {
    }

    /** One article's text: {@code title} is the short title for display, {@code fullTitle} as indexed. */
    public record DocumentView(String id, String title, String fullTitle, LocalDate date, String source, String text,
                               List<SentenceSpan> sentences) {
    }

    private final Documents documents;

    public DocumentResource(Documents documents) {
        this.documents = documents;
    }

    @GET
    @Operation(summary = "List the indexed articles: short title, full title, date, file, sentence and chunk counts")
    public List<DocumentSummary> list() {
        return documents.list().stream()
                .map(d -> new DocumentSummary(d.id(),
                        Titles.shortTitle(d.title(), d.source()), d.title(), d.date(), d.source(), d.sentences(), d.chunks()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One article's text with the offsets of its sentences, which citations point into")
    public DocumentView get(@Parameter(description = "The document id, as in citations and the listing",
            example = "001_6e42664aacee9aa1") @PathParam("id") String id) {
        Document d = documents.document(id).orElseThrow(() -> new UnknownDocumentException(id));
        return new DocumentView(d.id(), Titles.shortTitle(d.title(), d.source()), d.title(), d.date(), d.source(), d.text(),
                d.sentences().stream().map(s -> new SentenceSpan(s.index(), s.start(), s.end())).toList());
    }
}
