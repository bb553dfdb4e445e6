package io.footnote.ingest;

import dev.langchain4j.data.document.DocumentParser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats Footnote indexes, chosen by file extension, each with its LangChain4j
 * {@link DocumentParser}: plain text ({@code .txt}, {@code .text}, or no extension), Markdown
 * ({@code .md}, {@code .markdown}), HTML ({@code .html}, {@code .htm}, {@code .xhtml}), PDF ({@code .pdf}) and
 * Word ({@code .docx}). Parsers are thread-safe; one instance serves every file.
 */
public final class DocumentFormats {

    private final Map<String, DocumentParser> byExtension = new LinkedHashMap<>();
    private final DocumentParser noExtension;

    private DocumentFormats(DocumentParser noExtension) {
        this.noExtension = noExtension;
    }

    /** Every format Footnote reads. */
    public static DocumentFormats standard() {
        PlainTextDocumentParser text = new PlainTextDocumentParser();
        MarkdownDocumentParser markdown = new MarkdownDocumentParser();
        TikaDocumentParser html = TikaDocumentParser.html();
        DocumentFormats f = new DocumentFormats(text);
        f.byExtension.put("txt", text);
        f.byExtension.put("text", text);
        f.byExtension.put("md", markdown);
        f.byExtension.put("markdown", markdown);
        f.byExtension.put("html", html);
        f.byExtension.put("htm", html);
        f.byExtension.put("xhtml", html);
        f.byExtension.put("pdf", TikaDocumentParser.pdf());
        f.byExtension.put("docx", TikaDocumentParser.docx());
        return f;
    }

    /** The parser for a file, by its name's extension; empty when the format is not indexed. */
    public Optional<DocumentParser> parserFor(String fileName) {
        String ext = extension(fileName);
        if (ext.isEmpty()) {
            return Optional.of(noExtension);
        }
        return Optional.ofNullable(byExtension.get(ext));
    }

    public boolean supports(String fileName) {
        return parserFor(fileName).isPresent();
    }

    /** The indexed extensions, for messages. */
    public Set<String> extensions() {
        return byExtension.keySet();
    }

    /** Lower-cased extension of the last path segment, or "" when it has none (a leading dot is not one). */
    static String extension(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
