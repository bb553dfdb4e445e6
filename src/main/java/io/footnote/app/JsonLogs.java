package io.footnote.app;

import io.footnote.config.FootnoteConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logmanager.formatters.JsonFormatter;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Switches the console log to JSON lines when {@code footnote.log.json} is on. Quarkus's own JSON logging
 * extension is not available in the versions this build can use, so the console handlers get the log
 * manager's JSON formatter instead; the lines logged before start-up finished keep the plain format.
 */
@Startup
@ApplicationScoped
public class JsonLogs {

    private final boolean json;

    public JsonLogs(FootnoteConfig config) {
        this.json = config.log().json();
    }

    @PostConstruct
    void apply() {
        if (!json) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        int switched = switchConsoleHandlers(root.getHandlers());
        Logger.getLogger(JsonLogs.class.getName()).info("Console log switched to JSON lines (" + switched + " handler(s))");
    }

    /** Gives every console handler, also inside a delegating (async) one, the JSON formatter; returns how many. */
    static int switchConsoleHandlers(Handler[] handlers) {
        int switched = 0;
        for (Handler h : handlers) {
            if (h instanceof org.jboss.logmanager.ExtHandler ext && ext.getHandlers().length > 0) {
                switched += switchConsoleHandlers(ext.getHandlers());
            }
            if (h instanceof ConsoleHandler || h instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
                JsonFormatter formatter = new JsonFormatter();
                formatter.setPrettyPrint(false);
                h.setFormatter(formatter);
                switched++;
            }
        }
        return switched;
    }
}
