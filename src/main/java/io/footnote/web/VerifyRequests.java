package io.footnote.web;

import io.footnote.cite.SourceText;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates a {@code POST /api/verify} body and turns its sources into {@link SourceText}s. Every refusal is an
 * {@link ApiProblem} (400, or 404 for an unknown document) whose detail names the field at fault.
 */
final class VerifyRequests {

    /** Longest answer, in characters. */
    static final int MAX_ANSWER = 20_000;
    /** Most sources in one request. */
    static final int MAX_SOURCES = 64;
    /** Longest raw source text, in characters. */
    static final int MAX_SOURCE_TEXT = 100_000;
    /** Most sentences of an indexed document one source may name. */
    static final int MAX_RANGE = 200;
    /** Longest source id. */
    static final int MAX_ID = 64;

    private VerifyRequests() {
    }

    /** The request's sources, checked; documents are looked up by {@code documents}. */
    static List<SourceText> sources(VerifyResource.VerifyRequest request,
                                    Function<String, Optional<Document>> documents,
                                    Function<String, List<Sentence>> splitter) {
        if (request == null) {
            throw bad("The request body is required: {\"answer\": \"Claim [1].\", \"sources\": [{\"id\": \"1\", "
                    + "\"text\": \"…\"}]}.");
        }
        if (request.answer() == null || request.answer().isBlank()) {
            throw bad("Field 'answer' is required: the answer text with citation markers such as [1].");
        }
        if (request.answer().length() > MAX_ANSWER) {
            throw bad("Field 'answer' has " + request.answer().length() + " characters; at most " + MAX_ANSWER
                    + " are accepted.");
        }
        if (request.sources() == null) {
            throw bad("Field 'sources' is required: a list of {\"id\", \"text\"} or {\"id\", \"documentId\", "
                    + "\"sentences\": [first, last]}.");
        }
        if (request.sources().size() > MAX_SOURCES) {
            throw bad("Field 'sources' has " + request.sources().size() + " entries; at most " + MAX_SOURCES
                    + " are accepted.");
        }
        Set<String> ids = new HashSet<>();
        return request.sources().stream().map(new Function<VerifyResource.Source, SourceText>() {
            private int i;

            @Override
            public SourceText apply(VerifyResource.Source s) {
                String at = "sources[" + i++ + "]";
                return source(at, s, ids, documents, splitter);
            }
        }).toList();
    }

    private static SourceText source(String at, VerifyResource.Source s, Set<String> ids,
                                     Function<String, Optional<Document>> documents,
                                     Function<String, List<Sentence>> splitter) {
        if (s == null) {
            throw bad("'" + at + "' is null; each source is an object.");
        }
        if (s.id() == null || s.id().isBlank() || s.id().length() > MAX_ID) {
            throw bad("'" + at + ".id' is required: a short string (at most " + MAX_ID
                    + " characters) that markers cite, e.g. \"1\" for [1].");
        }
        if (!ids.add(s.id())) {
            throw bad("'" + at + ".id' repeats the id \"" + s.id() + "\"; ids must be unique.");
        }
        boolean hasText = s.text() != null;
        boolean hasDocument = s.documentId() != null;
        if (hasText == hasDocument) {
            throw bad("'" + at + "' needs exactly one of 'text' (the source's text) or 'documentId' with "
                    + "'sentences' (a range of an indexed article's sentences).");
        }
        if (hasText) {
            if (s.sentences() != null) {
                throw bad("'" + at + ".sentences' applies only with 'documentId'.");
            }
            if (s.text().length() > MAX_SOURCE_TEXT) {
                throw bad("'" + at + ".text' has " + s.text().length() + " characters; at most " + MAX_SOURCE_TEXT
                        + " are accepted.");
            }
            return SourceText.raw(s.id(), s.text(), splitter);
        }
        List<Integer> range = s.sentences();
        if (range == null || range.isEmpty() || range.size() > 2 || range.contains(null)) {
            throw bad("'" + at + ".sentences' is required with 'documentId': [first, last] sentence indexes "
                    + "(inclusive), or [index] for one sentence.");
        }
        int first = range.getFirst();
        int last = range.getLast();
        if (first < 0 || last < first || last - first >= MAX_RANGE) {
            throw bad("'" + at + ".sentences' must be [first, last] with 0 ≤ first ≤ last and at most " + MAX_RANGE
                    + " sentences; got " + range + ".");
        }
        Document doc = documents.apply(s.documentId()).orElseThrow(() -> new ApiProblem(404, "Unknown document",
                "'" + at + ".documentId': no indexed document has the id \"" + printable(s.documentId()) + "\"."));
        if (last >= doc.sentences().size()) {
            throw bad("'" + at + ".sentences' " + range + " is outside document \"" + doc.id() + "\", which has "
                    + doc.sentences().size() + " sentences (0.." + (doc.sentences().size() - 1) + ").");
        }
        return SourceText.range(s.id(), doc.text(), doc.sentences(), first, last);
    }

    private static String printable(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static ApiProblem bad(String detail) {
        return new ApiProblem(400, "Invalid verification request", detail);
    }
}
