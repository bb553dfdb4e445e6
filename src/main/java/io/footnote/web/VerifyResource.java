package io.footnote.web;

import io.footnote.app.Verification;
import io.footnote.cite.AnswerChecker;
import io.footnote.cite.SourceText;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code POST /api/verify}: checks an answer written by any system against the sources it cites, with the
 * scorer that checks the service's own answers. Same access rules as {@code /api/ask}.
 */
@Path("/api/verify")
@Tag(name = OpenApiTags.QUESTIONS)
@SecurityRequirement(name = OpenApiTags.BEARER)
public class VerifyResource {

    /** An answer with one supported and one unsupported claim over a raw-text source; sent as it is by the examples test. */
    static final String VERIFY_EXAMPLE = "{\"answer\": \"ICE completed 288 deportations to China [1]. "
            + "ICE completed 2,880 deportations [1].\", \"sources\": [{\"id\": \"1\", \"text\": \"The agency met on "
            + "Monday. U.S. Immigration and Customs Enforcement said it completed just 288 deportations back to "
            + "China.\"}]}";

    /** The request: an answer with markers, and the sources they cite. */
    public record VerifyRequest(String answer, List<Source> sources) {
    }

    /**
     * A source: raw {@code text}, or {@code sentences} [first, last] (inclusive) of the indexed document
     * {@code documentId}. A marker [n] cites the source whose {@code id} is "n".
     */
    public record Source(String id, String text, String documentId, List<Integer> sentences) {
    }

    /** Where a source backs the claim best: offsets into the source's text (the document's, for a range). */
    public record EvidenceSpan(int start, int end, String text) {
    }

    public record CitationResult(String source, boolean supported, double support, EvidenceSpan evidence) {
    }

    /** A claim; {@code start}/{@code end} are offsets of its sentence (markers included) in the answer. */
    public record ClaimResult(String text, int start, int end, boolean supported, double support,
                              List<CitationResult> citations) {
    }

    public record VerifyResponse(List<ClaimResult> claims, List<String> unsupportedClaims, int removedMarkers) {
    }

    private final Verification verification;

    public VerifyResource(Verification verification) {
        this.verification = verification;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // embeds sentences on the CPU
    @Operation(summary = "Check that each claim of an answer is supported by the sources it cites")
    public VerifyResponse verify(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "raw-text source", value = VERIFY_EXAMPLE))) VerifyRequest request) {
        AnswerChecker checker = verification.checker();
        List<SourceText> sources = VerifyRequests.sources(request, verification::document, checker.splitter());
        AnswerChecker.Result result = checker.check(request.answer(), sources);
        return new VerifyResponse(result.claims().stream().map(VerifyResource::claim).toList(),
                result.unsupportedClaims(), result.removedMarkers());
    }

    private static ClaimResult claim(AnswerChecker.ClaimCheck c) {
        return new ClaimResult(c.text(), c.start(), c.end(), c.supported(), round(c.support()),
                c.citations().stream().map(k -> new CitationResult(k.source(), k.supported(), round(k.support()),
                        new EvidenceSpan(k.evidence().start(), k.evidence().end(), k.evidence().text()))).toList());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
