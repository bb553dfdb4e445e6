package io.footnote.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API description's groups and security scheme ({@code /q/openapi}, Swagger UI). Each resource names its
 * group with one of these constants; the admin endpoints (and, when keys are configured, the question
 * endpoints) declare {@value #BEARER}, so Swagger UI's "Authorize" sends the key as a Bearer token.
 *
 * <p>Extending {@link Application} only carries the definition: with no {@code @ApplicationPath} and no
 * classes listed, every resource stays where it is.
 */
@OpenAPIDefinition(
        info = @Info(title = "Footnote API", version = "0.1.0",
                description = "Questions answered from a folder of articles, every claim cited to its source sentence."),
        tags = {
                @Tag(name = OpenApiTags.QUESTIONS, description = "Ask questions; answers cite source sentences"),
                @Tag(name = OpenApiTags.DOCUMENTS, description = "Read the indexed articles and what they cover"),
                @Tag(name = OpenApiTags.INGESTION, description = "Upload, delete and re-index articles (admin key)"),
                @Tag(name = OpenApiTags.OPENAI, description = "The OpenAI chat-completions protocol over the same answers"),
        })
@SecurityScheme(securitySchemeName = OpenApiTags.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "footnote.admin.api-key for the Ingestion endpoints; one of footnote.api-keys for the others "
                + "when any is configured.")
public class OpenApiTags extends Application {

    public static final String QUESTIONS = "Questions";
    public static final String DOCUMENTS = "Documents";
    public static final String INGESTION = "Ingestion";
    public static final String OPENAI = "OpenAI-compatible";
    /** The name of the security scheme: an API key sent as {@code Authorization: Bearer <key>}. */
    public static final String BEARER = "bearer";
}
