package io.footnote.ingest;

import dev.langchain4j.data.document.DocumentParser;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns a file's bytes into a {@link Document}: parse (by format, see {@link DocumentFormats}), clean, split
 * into sentences, and find the title and date. The title is the file's own (HTML {@code og:title} or
 * {@code <title>}, PDF or Word document title) when it has one; otherwise a short first line without end
 * punctuation is a headline; otherwise the first sentence stands in. The date is the file's publication
 * date, else a leading {@code date YYYY-MM-DD} marker in the text, else none.
 */
public final class ArticleReader {

    private final DocumentFormats formats;
    private final ArticleCleaner cleaner;
    private final SentenceSplitter splitter;

    public ArticleReader(DocumentFormats formats, ArticleCleaner cleaner, SentenceSplitter splitter) {
        this.formats = formats;
        this.cleaner = cleaner;
        this.splitter = splitter;
    }

    /**
     * @param relativePath the file's path inside the corpus, with '/' separators; it names the document
     * @throws UnreadableDocumentException when the format is not indexed or the file holds no indexable text
     */
    public Document read(String relativePath, byte[] bytes) {
        DocumentParser parser = formats.parserFor(relativePath).orElseThrow(() -> new UnreadableDocumentException(
                "unsupported format (indexed: " + String.join(", ", formats.extensions()) + ")"));
        if (bytes.length == 0) {
            throw new UnreadableDocumentException("empty file");
        }
        dev.langchain4j.data.document.Document parsed = parser.parse(new ByteArrayInputStream(bytes));
        ArticleCleaner.Cleaned cleaned = cleaner.clean(parsed.text());
        String text = cleaned.text();
        List<Sentence> sentences = splitter.split(text);
        if (sentences.isEmpty()) {
            throw new UnreadableDocumentException("no sentences after cleaning");
        }
        String title = parsed.metadata().getString(TikaDocumentParser.TITLE);
        String date = parsed.metadata().getString(TikaDocumentParser.DATE);
        return new Document(idOf(relativePath), title != null ? title : titleOf(text, sentences),
                date != null ? LocalDate.parse(date) : cleaned.date(), text, sentences, relativePath, sha256(bytes));
    }

    /** A stable, URL-safe id: the relative path without its extension, '/' becoming "--". */
    public static String idOf(String relativePath) {
        String p = relativePath.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > slash + 1) {
            p = p.substring(0, dot);
        }
        return p.replace("/", "--").replaceAll("[^A-Za-z0-9_.-]", "_").toLowerCase(Locale.ROOT);
    }

    static String titleOf(String text, List<Sentence> sentences) {
        int nl = text.indexOf('\n');
        String firstLine = (nl < 0 ? text : text.substring(0, nl)).strip();
        if (nl > 0 && !firstLine.isEmpty() && firstLine.length() <= Document.MAX_HEADLINE
                && !firstLine.matches(".*[.!?:;,\"”’]$")) {
            return firstLine;
        }
        return sentences.get(0).textIn(text);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
