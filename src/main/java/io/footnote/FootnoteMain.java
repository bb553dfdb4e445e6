package io.footnote;

import io.footnote.embed.EmbeddingModels;
import io.footnote.embed.ModelPreload;
import io.footnote.eval.FootnoteCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged application's entry point. Without arguments (or with any but the two below) it serves, as
 * before. {@code eval …} and {@code check …} run the evaluation commands in Quarkus command mode
 * ({@link FootnoteCommand}) without the web service — no port is opened and the service's index is not
 * touched — and exit with their code (non-zero when a gate fails).
 */
@QuarkusMain
public final class FootnoteMain {

    private static final String MODEL_PROPERTY = "footnote.embedding.model";
    private static final String MODEL_VARIABLE = "FOOTNOTE_EMBEDDING_MODEL";

    private FootnoteMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && (args[0].equals("eval") || args[0].equals("check"))) {
            FootnoteCommand.launch(args);
            return;
        }
        preloadModel();
        Quarkus.run(args);
    }

    /**
     * Starts loading the embedding model while Quarkus boots ({@link ModelPreload}). Quarkus has not read the
     * configuration yet, so the model is the one a system property or the environment names, else the default;
     * a name set elsewhere ({@code .env}, {@code application.properties}) is honoured by the pipeline, which then
     * loads that model itself.
     */
    private static void preloadModel() {
        String name = System.getProperty(MODEL_PROPERTY, System.getenv(MODEL_VARIABLE));
        try {
            ModelPreload.shared().start(name == null || name.isBlank()
                    ? EmbeddingModels.Known.DEFAULT : EmbeddingModels.Known.byName(name.strip()));
        } catch (IllegalArgumentException unknown) {
            // the configuration reports it, with the names it knows, when the pipeline starts
        }
    }
}
