package io.footnote.ingest;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentParser;
import dev.langchain4j.data.document.Metadata;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.WriteOutContentHandler;
import org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import de.l3s.boilerpipe.extractors.ArticleExtractor;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTML, PDF and Word (docx) files through one Apache Tika parser each, as a LangChain4j
 * {@link DocumentParser}. The text comes out as paragraphs (see {@link BlockTextHandler}); the title and the
 * publication date, when the file's metadata has them, go into the document's metadata under
 * {@link #TITLE} and {@link #DATE} (ISO {@code yyyy-MM-dd}).
 *
 * <p>For HTML only the page's main text is kept: Boilerpipe's article extractor drops navigation, link
 * lists, footers and other boilerplate blocks, and Tika drops scripts and styles. The page's charset comes
 * from its {@code <meta>} declaration or, failing that, from Tika's detectors.
 *
 * <p>Files are parsed one at a time without recursing into embedded files (images, attachments).
 * A corrupt, encrypted or empty file raises {@link UnreadableDocumentException} with the reason.
 */
public final class TikaDocumentParser implements DocumentParser {

    /** Metadata key of the title found in the file's own metadata. */
    public static final String TITLE = "title";
    /** Metadata key of the publication date found in the file's metadata, as {@code yyyy-MM-dd}. */
    public static final String DATE = "date";

    /** Metadata that states when an article was published, best first (HTML {@code <meta>} names). */
    private static final List<String> PUBLISHED = List.of("article:published_time", "og:published_time",
            "datePublished", "pubdate", "publishdate", "publish-date", "dc.date.issued", "DC.date.issued",
            "dcterms.issued", "dcterms:issued", "dc.date", "DC.date", "date", "sailthru.date", "parsely-pub-date");

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** Largest amount of text taken from one file; beyond it the file is refused rather than cut short. */
    private static final int MAX_CHARS = 5_000_000;

    private final Parser parser;
    private final boolean mainTextOnly;
    private final String format;

    private TikaDocumentParser(Parser parser, boolean mainTextOnly, String format) {
        this.parser = parser;
        this.mainTextOnly = mainTextOnly;
        this.format = format;
    }

    /** HTML pages, reduced to their main text. */
    public static TikaDocumentParser html() {
        return new TikaDocumentParser(new JSoupParser(), true, "HTML");
    }

    /** HTML kept whole: every block of text, e.g. HTML rendered from Markdown, which has no boilerplate. */
    static TikaDocumentParser htmlWhole() {
        return new TikaDocumentParser(new JSoupParser(), false, "HTML");
    }

    /** PDF files with a text layer (scanned images without text are refused as empty). */
    public static TikaDocumentParser pdf() {
        return new TikaDocumentParser(new PDFParser(), false, "PDF");
    }

    /** Word documents in the Office Open XML format ({@code .docx}). */
    public static TikaDocumentParser docx() {
        return new TikaDocumentParser(new OOXMLParser(), false, "Word");
    }

    @Override
    public Document parse(InputStream in) {
        org.apache.tika.metadata.Metadata meta = new org.apache.tika.metadata.Metadata();
        // Boilerpipe hands over each run of content blocks as one element, blocks separated by newlines.
        BlockTextHandler text = new BlockTextHandler(mainTextOnly);
        ContentHandler handler = mainTextOnly
                ? new BoilerpipeContentHandler(text, ArticleExtractor.INSTANCE) : text;
        ParseContext context = new ParseContext();
        if (mainTextOnly) {
            context.set(HtmlMapper.class, MainContentMapper.INSTANCE);
        }
        try {
            parser.parse(in, new WriteOutContentHandler(handler, MAX_CHARS), meta, context);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException("encrypted " + format + " file");
        } catch (TikaException | SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new UnreadableDocumentException("more than " + MAX_CHARS + " characters of text");
            }
            throw new UnreadableDocumentException("corrupt or unreadable " + format + " file: " + rootMessage(e));
        } catch (IOException | RuntimeException e) {
            // The bytes are in memory, so an IOException is the parser's complaint about the content; parsers
            // of damaged files fail in many ways, and the file is skipped, never the whole ingest.
            throw new UnreadableDocumentException("corrupt or unreadable " + format + " file: " + rootMessage(e));
        }
        String body = text.text();
        if (body.isBlank()) {
            throw new UnreadableDocumentException("no text in the " + format + " file");
        }
        Metadata metadata = new Metadata();
        String title = firstNonBlank(meta.get("og:title"), meta.get(TikaCoreProperties.TITLE));
        if (title != null) {
            metadata.put(TITLE, title.strip().replaceAll("\\s+", " "));
        }
        LocalDate date = publicationDate(meta);
        if (date != null) {
            metadata.put(DATE, date.toString());
        }
        return Document.from(body, metadata);
    }

    /**
     * Drops, with all they contain, the elements HTML itself marks as not being the page's main content —
     * navigation, page header and footer, asides, forms — before Boilerpipe judges the rest by its text
     * density. A documented rule and a statistical one together: either alone leaves boilerplate behind.
     */
    private static final class MainContentMapper extends DefaultHtmlMapper {
        static final MainContentMapper INSTANCE = new MainContentMapper();
        private static final java.util.Set<String> NOT_CONTENT = java.util.Set.of("nav", "header", "footer",
                "aside", "form", "button", "select", "menu", "dialog", "noscript", "template", "svg", "iframe");

        @Override
        public boolean isDiscardElement(String name) {
            return NOT_CONTENT.contains(name.toLowerCase(java.util.Locale.ROOT)) || super.isDiscardElement(name);
        }
    }

    private static LocalDate publicationDate(org.apache.tika.metadata.Metadata meta) {
        for (String name : PUBLISHED) {
            LocalDate d = isoDate(meta.get(name));
            if (d != null) {
                return d;
            }
        }
        // Office and PDF files record when they were created, which for an article is when it was written.
        return isoDate(meta.get(TikaCoreProperties.CREATED));
    }

    static LocalDate isoDate(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(value);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
