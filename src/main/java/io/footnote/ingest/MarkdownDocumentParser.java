package io.footnote.ingest;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentParser;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads Markdown as the text a reader sees: the file is decoded like plain text, rendered by CommonMark, and
 * the rendered page read like HTML, so heading marks, emphasis, link targets and image syntax never reach a
 * cited sentence ("[the report](https://…)" becomes "the report"). Headings, paragraphs and list items each
 * become a paragraph of their own.
 */
public final class MarkdownDocumentParser implements DocumentParser {

    private final PlainTextDocumentParser text = new PlainTextDocumentParser();
    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().build();
    private final TikaDocumentParser page = TikaDocumentParser.htmlWhole();

    @Override
    public Document parse(InputStream inputStream) {
        String source = text.parse(inputStream).text();
        String rendered = "<html><head><meta charset=\"utf-8\"></head><body>"
                + html.render(markdown.parse(source)) + "</body></html>";
        Document doc = page.parse(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)));
        // The rendered page has no metadata of its own; its first heading stays the first line of the text.
        return Document.from(doc.text());
    }
}
