package io.footnote.web;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.footnote.app.Documents;
import io.footnote.domain.Document;
import io.footnote.index.ArticleLookup;
import io.footnote.domain.Titles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /** Page size when the request names none, and the largest one served. */
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    /**
     * A page of the listing, ordered by id: the body stays a JSON array (as before paging), the total and the
     * way on are in headers, so clients that read the array keep working and see the first page.
     */
    @GET
    @Operation(summary = "List indexed articles, a page at a time: short title, full title, date, file, counts",
            description = "Ordered by id. X-Total-Count counts every match; X-Next-Cursor (and a Link rel=next) "
                    + "is present when more follow: pass it back as cursor.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            headers = {@Header(name = "X-Total-Count", description = "Articles matching q"),
                @Header(name = "X-Next-Cursor", description = "Cursor of the next page; absent on the last")})
    @APIResponse(responseCode = "400", description = "Bad limit or cursor (application/problem+json)")
    public Response list(
            @Parameter(description = "Page size, 1.." + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "X-Next-Cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only titles containing this text (case ignored)") @QueryParam("q") String q,
            @Context UriInfo uri) {
        int size = ListingCursor.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        ArticleLookup.Page page = documents.page(ListingCursor.decode(cursor), size, q == null ? "" : q);
        List<DocumentSummary> body = page.entries().stream()
                .map(d -> new DocumentSummary(d.id(), Titles.shortTitle(d.title(), d.source()), d.title(), d.date(),
                        d.source(), d.sentences(), d.chunks()))
                .toList();
        Response.ResponseBuilder out = Response.ok(body).header("X-Total-Count", page.total());
        page.next().map(ListingCursor::encode).ifPresent(next -> out.header("X-Next-Cursor", next)
                .header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next)
                        .replaceQueryParam("limit", size).build() + ">; rel=\"next\""));
        return out.build();
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
