package io.footnote;

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

    private FootnoteMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && (args[0].equals("eval") || args[0].equals("check"))) {
            FootnoteCommand.launch(args);
            return;
        }
        Quarkus.run(args);
    }
}
