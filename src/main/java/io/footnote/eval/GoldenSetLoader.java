package io.footnote.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Reads a golden set: {@code {"name": …, "cases": [EvalCase…]}} in JSON, supporting sentences given by a
 * fragment of their text so the set survives changes to sentence numbering.
 */
public final class GoldenSetLoader {

    private record GoldenSet(String name, List<EvalCase> cases) {
    }

    private GoldenSetLoader() {
    }

    public static EvalDataset load(InputStream json) {
        try {
            GoldenSet set = new ObjectMapper().registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(json, GoldenSet.class);
            return new EvalDataset(set.name(), Map.of(), set.cases());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read golden set", e);
        }
    }
}
