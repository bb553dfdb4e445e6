package io.footnote.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index is loaded and in line with the corpus folder. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final Engine engine;

    public IndexReadiness(Engine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("index").status(engine.ready());
        engine.lastReport().ifPresent(r -> b.withData("documents", r.documents()).withData("sentences", r.sentences())
                .withData("chunks", r.chunks()).withData("skipped", r.skipped().size()));
        engine.failure().ifPresent(f -> b.withData("error", f));
        if (engine.ready()) {
            engine.index().health().forEach(b::withData);
        }
        if (!engine.ready()) {
            b.withData("filesDone", engine.progress().done()).withData("filesTotal", engine.progress().total());
        }
        return b.build();
    }
}
