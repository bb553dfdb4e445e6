package io.footnote.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a golden set in JSON Lines: one question a line, the fields of {@link EvalCase} ({@code id},
 * {@code question}, {@code history} [{role, content}], {@code answers} reference answers, {@code facts} required
 * facts each a list of alternatives, {@code support} [{documentId, text}] supporting-sentence fragments,
 * {@code answerable}, default true). Blank lines and lines starting with {@code //} are skipped; an unknown field is an error
 * naming its line.
 */
public final class JsonlGoldenSet {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private JsonlGoldenSet() {
    }

    public static EvalDataset load(Path file) {
        List<EvalCase> cases = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("//")) {
                    continue;
                }
                try {
                    com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(line);
                    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("answerable")) {
                        o.put("answerable", true); // a question is answerable unless the line says otherwise
                    }
                    EvalCase c = JSON.treeToValue(node, EvalCase.class);
                    if (c.question() == null || c.question().isBlank()) {
                        throw new IllegalArgumentException(file + " line " + (i + 1) + ": 'question' is required");
                    }
                    cases.add(c.id() == null ? new EvalCase("line-" + (i + 1), c.question(), c.history(), c.answers(),
                            c.facts(), c.support(), c.answerable()) : c);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String name = file.getFileName().toString().replaceAll("\\.jsonl$", "");
        return new EvalDataset(name, Map.of(), cases);
    }

}
