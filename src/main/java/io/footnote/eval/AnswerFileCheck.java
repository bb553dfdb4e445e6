package io.footnote.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.cite.AnswerChecker;
import io.footnote.cite.SourceText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code check} mode: reads answers written by any system, one JSON object a line
 * ({@code {"id": "q1", "question": "…", "answer": "Claim [1].", "sources": [{"id": "1", "text": "…"}]}}), and
 * checks each through the citation verifier. An answer passes when every claim is supported.
 */
public final class AnswerFileCheck {

    /** One line of the answers file. */
    public record Line(String id, String question, String answer, List<Source> sources) {
    }

    public record Source(String id, String text) {
    }

    /** The verdict on one answer. */
    public record Verdict(String id, String question, int claims, List<String> unsupported, int removedMarkers,
                          long millis) {
        public boolean passed() {
            return unsupported.isEmpty() && removedMarkers == 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private AnswerFileCheck() {
    }

    public static List<Line> read(Path file) {
        List<Line> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i).strip();
                if (raw.isEmpty() || raw.startsWith("//")) {
                    continue;
                }
                Line l;
                try {
                    l = JSON.readValue(raw, Line.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getOriginalMessage(), e);
                }
                if (l.answer() == null || l.sources() == null) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": 'answer' and 'sources' are required");
                }
                out.add(new Line(l.id() == null ? "line-" + (i + 1) : l.id(), l.question(), l.answer(), l.sources()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return out;
    }

    public static List<Verdict> check(List<Line> lines, AnswerChecker checker) {
        List<Verdict> out = new ArrayList<>();
        for (Line l : lines) {
            long t0 = System.nanoTime();
            List<SourceText> sources = l.sources().stream()
                    .map(s -> SourceText.raw(s.id(), s.text() == null ? "" : s.text(), checker.splitter())).toList();
            AnswerChecker.Result r = checker.check(l.answer(), sources);
            out.add(new Verdict(l.id(), l.question(), r.claims().size(), r.unsupportedClaims(), r.removedMarkers(),
                    (System.nanoTime() - t0) / 1_000_000));
        }
        return out;
    }

    public static List<JUnitReport.Case> cases(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> new JUnitReport.Case(v.id() + (v.question() == null ? "" : ": " + v.question()),
                v.millis() / 1000.0, v.passed() ? null : (v.unsupported().isEmpty() ? ""
                : "unsupported: " + String.join(" | ", v.unsupported()))
                + (v.removedMarkers() > 0 ? " (" + v.removedMarkers() + " marker(s) name no source)" : ""))).toList();
    }
}
