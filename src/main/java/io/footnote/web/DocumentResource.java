package io.footnote.web;

import io.footnote.app.Documents;
import io.footnote.domain.Document;
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
public class DocumentResource {

    public record DocumentSummary(String id, String title, LocalDate date, String source, int sentences, int chunks) {
    }

    public record SentenceSpan(int index, int start, int end) {
    }

    public record DocumentView(String id, String title, LocalDate date, String source, String text,
                               List<SentenceSpan> sentences) {
    }

    private final Documents documents;

    public DocumentResource(Documents documents) {
        this.documents = documents;
    }

    @GET
    public List<DocumentSummary> list() {
        return documents.list().stream()
                .map(d -> new DocumentSummary(d.id(), d.title(), d.date(), d.source(), d.sentences(), d.chunks()))
                .toList();
    }

    @GET
    @Path("{id}")
    public DocumentView get(@PathParam("id") String id) {
        Document d = documents.document(id).orElseThrow(() -> new UnknownDocumentException(id));
        return new DocumentView(d.id(), d.title(), d.date(), d.source(), d.text(),
                d.sentences().stream().map(s -> new SentenceSpan(s.index(), s.start(), s.end())).toList());
    }
}
