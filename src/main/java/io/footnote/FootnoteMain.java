package io.footnote;

import io.footnote.eval.EvalCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.List;

/**
 * The packaged application's entry point. Without arguments (or with any but the two below) it serves, as
 * before. {@code eval …} and {@code check …} run the evaluation commands ({@link EvalCli}) without starting
 * the web service — no port is opened and the service's index is not touched — and exit with their code
 * (non-zero when a gate fails).
 */
@QuarkusMain
public final class FootnoteMain {

    private FootnoteMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && (args[0].equals("eval") || args[0].equals("check"))) {
            int code = EvalCli.run(List.of(args), System.out);
            System.out.flush();
            System.exit(code);
        }
        Quarkus.run(args);
    }
}
