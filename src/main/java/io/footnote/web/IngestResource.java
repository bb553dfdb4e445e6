package io.footnote.web;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.footnote.app.Ingestion;
import io.footnote.ingest.IngestStatus;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * Re-indexing and following ingestion ({@code POST /api/reindex}, {@code GET /api/ingest/status}). With
 * {@link DocumentAdminResource} (upload, delete) these are the administrative endpoints; access control goes
 * on these two classes.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiTags.INGESTION)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class IngestResource {

    private final Ingestion ingestion;

    public IngestResource(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @Path("/reindex")
    @Operation(summary = "Rescan the corpus folder now (force=true re-embeds every file); answered at once "
            + "with the ingest status, progress at GET /api/ingest/status")
    public Response reindex(@Parameter(description = "Re-embed every file, changed or not", example = "false")
                            @QueryParam("force") @DefaultValue("false") boolean force) {
        ingestion.queue().sync("reindex", force);
        return Response.accepted(ingestion.status()).location(URI.create("/api/ingest/status")).build();
    }

    @GET
    @Path("/ingest/status")
    @Operation(summary = "Ingestion progress (done/total, rate, ETA), files not indexed with the reason, "
            + "recent failures, and the last pass's report")
    public IngestStatus status() {
        return ingestion.status();
    }
}
