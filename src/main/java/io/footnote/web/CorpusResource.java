package io.footnote.web;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import io.footnote.app.CorpusOverview;
import io.footnote.app.Documents;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/corpus}: what the indexed articles cover, for the chat's empty page. */
@Path("/api/corpus")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiTags.DOCUMENTS)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class CorpusResource {

    /** Enough to invite a first question without crowding the empty page. */
    static final int SUGGESTIONS = 4;

    private final Documents documents;

    public CorpusResource(Documents documents) {
        this.documents = documents;
    }

    @GET
    @Operation(summary = "Describe the corpus: article count, date range and suggested questions",
            description = "Suggestions are drawn from the titles of the most recent articles.")
    public CorpusOverview overview() {
        return CorpusOverview.of(documents.list(), SUGGESTIONS);
    }
}
