package io.footnote.web;

import io.footnote.app.Documents;
import io.footnote.app.Ingestion;
import io.footnote.app.ServiceLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index is loaded and in line with the corpus folder. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final ServiceLifecycle lifecycle;
    private final Documents documents;
    private final Ingestion ingestion;

    public IndexReadiness(ServiceLifecycle lifecycle, Documents documents, Ingestion ingestion) {
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.ingestion = ingestion;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = lifecycle.ready();
        var b = HealthCheckResponse.named("index").status(ready);
        ingestion.lastReport().ifPresent(r -> b.withData("documents", r.documents())
                .withData("sentences", r.sentences()).withData("chunks", r.chunks())
                .withData("skipped", r.skipped().size()));
        lifecycle.failure().ifPresent(f -> b.withData("error", f));
        if (ready) {
            documents.health().forEach(b::withData);
        } else {
            b.withData("filesDone", ingestion.progress().done()).withData("filesTotal", ingestion.progress().total());
        }
        return b.build();
    }
}
