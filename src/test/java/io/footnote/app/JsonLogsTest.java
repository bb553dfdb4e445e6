package io.footnote.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import java.util.logging.Handler;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonLogsTest {

    @Test
    void given_a_console_handler_when_switched_then_a_record_is_formatted_as_one_json_line() throws Exception {
        ConsoleHandler console = new ConsoleHandler();

        int switched = JsonLogs.switchConsoleHandlers(new Handler[] {console});

        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Index has %d documents", ExtLogRecord.FormatStyle.PRINTF,
                JsonLogsTest.class.getName());
        record.setParameters(new Object[] {2});
        record.setLoggerName("io.footnote.test");
        String line = console.getFormatter().format(record);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals(1, switched);
        assertEquals(1, line.strip().lines().count(), line);
        assertEquals("Index has 2 documents", json.get("message").asText());
        assertEquals("WARNING", json.get("level").asText());
        assertEquals("io.footnote.test", json.get("loggerName").asText());
    }
}
