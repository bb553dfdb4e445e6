package io.footnote.eval;

import io.footnote.config.FootnoteConfig;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The {@code eval} and {@code check} commands in Quarkus command mode: Quarkus starts (reads the configuration
 * from {@code application.properties}, {@code -Dfootnote.*} flags, {@code FOOTNOTE_*} variables and {@code .env},
 * as when serving), this runs {@link EvalCli} with that configuration, and the process exits with its code.
 * No HTTP port is opened ({@code quarkus.http.host-enabled=false}) and the service's lifecycle does not start,
 * so the service's index is never opened. The packaged {@code java -jar quarkus-run.jar eval …} and
 * {@code ./mvnw -Peval verify} both come here: there is one way an evaluation is configured.
 */
@Singleton
@Unremovable
public class FootnoteCommand implements QuarkusApplication {

    /** The property that keeps the HTTP listener, and with it the serving lifecycle, off in command mode. */
    public static final String NO_LISTENER = "quarkus.http.host-enabled";

    private final FootnoteConfig config;

    public FootnoteCommand(FootnoteConfig config) {
        this.config = config;
    }

    /** Starts Quarkus in command mode for {@code args} and exits the JVM with the command's code. */
    public static void launch(String... args) {
        System.setProperty(NO_LISTENER, "false");
        Quarkus.run(FootnoteCommand.class, args);
    }

    @Override
    public int run(String... args) {
        int code = EvalCli.run(config, List.of(args), System.out);
        System.out.flush();
        return code;
    }
}
