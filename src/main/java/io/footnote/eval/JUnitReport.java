package io.footnote.eval;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes results as JUnit XML (the {@code testsuite} format CI servers read), one {@code testcase} per question
 * or checked answer, so a CI server lists each and shows why it failed.
 */
public final class JUnitReport {

    /**
     * One test case: its name, seconds taken, the failure message (null when it passed), and what it printed
     * ({@code system-out}; null for nothing), e.g. the judge's verdict.
     */
    public record Case(String name, double seconds, String failure, String output) {
        public Case(String name, double seconds, String failure) {
            this(name, seconds, failure, null);
        }
    }

    private JUnitReport() {
    }

    /** The verdict of one evaluated question: why it failed, or null. */
    public static String failure(QuestionResult r) {
        if (!r.answerable()) {
            return r.abstained() ? null : "answered a question the corpus does not answer: " + r.answer();
        }
        if (r.abstained()) {
            return "abstained, but the corpus answers it";
        }
        if (r.citationsValid() < r.citations().size()) {
            return (r.citations().size() - r.citationsValid()) + " citation(s) do not resolve to their source text";
        }
        if (!r.keyFacts()) {
            return "the answer lacks a required fact: " + r.answer();
        }
        return null;
    }

    /** The cases of an evaluation run. */
    public static List<Case> of(List<QuestionResult> results) {
        return of(results, Map.of());
    }

    /** The cases of an evaluation run, each with its note (e.g. the judge's verdict) as its output. */
    public static List<Case> of(List<QuestionResult> results, Map<String, String> notes) {
        return results.stream().map(r -> new Case(r.id() + ": " + r.question(), r.latencyMs() / 1000.0,
                failure(r), notes.get(r.id()))).toList();
    }

    public static void write(Path file, String suite, List<Case> cases) {
        write(file, suite, cases, Map.of());
    }

    /**
     * Writes {@code cases} as one {@code testsuite}; {@code properties} (e.g. the run's metrics) go into its
     * {@code properties} element, in their order.
     */
    public static void write(Path file, String suite, List<Case> cases, Map<String, String> properties) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                x.writeStartDocument("UTF-8", "1.0");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite);
                x.writeAttribute("tests", Integer.toString(cases.size()));
                x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.failure() != null).count()));
                x.writeAttribute("errors", "0");
                x.writeAttribute("skipped", "0");
                x.writeAttribute("time", seconds(cases.stream().mapToDouble(Case::seconds).sum()));
                if (!properties.isEmpty()) {
                    x.writeStartElement("properties");
                    for (var p : properties.entrySet()) {
                        x.writeEmptyElement("property");
                        x.writeAttribute("name", clean(p.getKey()));
                        x.writeAttribute("value", clean(p.getValue()));
                    }
                    x.writeEndElement();
                }
                for (Case c : cases) {
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", suite);
                    x.writeAttribute("name", clean(c.name()));
                    x.writeAttribute("time", seconds(c.seconds()));
                    if (c.failure() != null) {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", clean(c.failure()));
                        x.writeCharacters(clean(c.failure()));
                        x.writeEndElement();
                    }
                    if (c.output() != null) {
                        x.writeStartElement("system-out");
                        x.writeCharacters(clean(c.output()));
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.writeEndElement();
                x.writeEndDocument();
                x.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("Cannot write JUnit report " + file, e);
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** XML 1.0 cannot hold most control characters, even escaped. */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?");
    }
}
