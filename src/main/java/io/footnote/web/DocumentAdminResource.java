package io.footnote.web;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.footnote.app.Ingestion;
import io.footnote.app.Documents;
import io.footnote.index.IndexedDocument;
import io.footnote.ingest.ArticleReader;
import io.footnote.ingest.CorpusFolder;
import io.footnote.ingest.IngestReport;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Adding and deleting articles while the service runs ({@code POST /api/documents},
 * {@code DELETE /api/documents/{id}}): administrative endpoints, like those of {@link IngestResource}. The
 * corpus folder stays the source of truth: an upload is written into it and a deletion removes the file from
 * it, so a rescan or a restart agrees with what was done here.
 */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiTags.INGESTION)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class DocumentAdminResource {

    /** What became of one uploaded file. {@code status}: indexed, skipped (with {@code reason}) or queued. */
    public record UploadedFile(String file, String id, String status, String reason, String title,
                               Integer sentences, Integer chunks) {
    }

    /** The answer to an upload: one entry per file, in the order sent. */
    public record UploadResult(List<UploadedFile> documents) {
    }

    private final Documents documents;
    private final Ingestion ingestion;

    public DocumentAdminResource(Documents documents, Ingestion ingestion) {
        this.documents = documents;
        this.ingestion = ingestion;
    }

    @POST
        @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Upload one or several files (multipart/form-data, any field name); they are written "
            + "into the corpus folder and indexed. A file with the name of an existing one replaces it.")
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw new ApiProblem(400, "No files", "Send one or more files as multipart/form-data parts.");
        }
        var queue = ingestion.queue();
        CorpusFolder folder = ingestion.corpusFolder();
        long maxBytes = ingestion.maxFileBytes();
        List<String> names = new ArrayList<>();
        for (FileUpload f : files) {
            String name;
            try {
                name = folder.nameFor(f.fileName());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "Unusable file", e.getMessage());
            }
            if (names.contains(name)) {
                throw new ApiProblem(400, "Unusable file", "'" + name + "' is sent twice.");
            }
            if (f.size() > maxBytes) {
                throw new ApiProblem(413, "File too large", "'" + name + "' has " + f.size()
                        + " bytes; footnote.ingest.max-file-size allows " + maxBytes + ".");
            }
            names.add(name);
            String id = ArticleReader.idOf(name);
            Optional<String> owner = documents.indexed(id).map(d -> d.document().source());
            if (owner.isPresent() && !owner.get().equals(name) && Files.exists(folder.root().resolve(owner.get()))) {
                throw new ApiProblem(409, "Document id taken", "'" + name + "' would have document id '" + id
                        + "', which belongs to " + owner.get() + "; rename the file or delete that document first.");
            }
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileUpload f = files.get(i);
            String name = names.get(i);
            try (InputStream in = Files.newInputStream(f.uploadedFile())) {
                paths.add(folder.write(name, in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + name + " into the corpus folder", e);
            }
        }
        Future<IngestReport> job = queue.files("upload", paths);
        IngestReport report;
        try {
            report = job.get(ingestion.uploadWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            List<UploadedFile> queued = paths.stream()
                    .map(p -> new UploadedFile(p, ArticleReader.idOf(p), "queued", null, null, null, null)).toList();
            return Response.accepted(new UploadResult(queued)).location(URI.create("/api/ingest/status")).build();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Indexing the upload failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, String> skipped = new HashMap<>();
        report.skipped().forEach(s -> skipped.put(s.path(), s.reason()));
        List<UploadedFile> results = new ArrayList<>();
        for (String p : paths) {
            String id = ArticleReader.idOf(p);
            Optional<IndexedDocument> doc = documents.indexed(id);
            if (skipped.containsKey(p) || doc.isEmpty()) {
                results.add(new UploadedFile(p, id, "skipped", skipped.getOrDefault(p, "not indexed"), null, null, null));
            } else {
                IndexedDocument d = doc.get();
                results.add(new UploadedFile(p, id, "indexed", null, d.document().title(),
                        d.document().sentences().size(), d.chunks().size()));
            }
        }
        boolean anyIndexed = results.stream().anyMatch(r -> r.status().equals("indexed"));
        // 422 when nothing could be indexed: the files are in the corpus folder, listed as skipped with reasons.
        return Response.status(anyIndexed ? 201 : 422).entity(new UploadResult(results)).build();
    }

    @DELETE
    @Path("{id}")
    @Blocking
    @Operation(summary = "Delete a document: its file leaves the corpus folder and its sentences the index")
    public Response delete(@PathParam("id") String id) {
        var doc = documents.indexed(id).orElseThrow(() -> new UnknownDocumentException(id));
        try {
            ingestion.queue().delete(id, doc.document().source()).get(ingestion.uploadWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return Response.accepted().location(URI.create("/api/ingest/status")).build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw new ApiProblem(409, "Cannot delete", io.getMessage() + ": " + io.getCause().getMessage());
            }
            throw new IllegalStateException("Deleting " + id + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Response.noContent().build();
    }
}
