package io.footnote.web;

import io.footnote.app.Documents;
import io.footnote.app.Ingestion;
import io.footnote.app.ServiceLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index is open (answers come from what is committed); while the start-up sync runs, its progress. */
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
        }
        if (!ready || lifecycle.syncing()) {
            // Up while the start-up sync runs (answers come from what is committed): its progress is shown.
            b.withData("syncing", lifecycle.syncing())
                    .withData("filesDone", ingestion.progress().done()).withData("filesTotal", ingestion.progress().total());
        }
        return b.build();
    }
}
