package io.footnote.ingest;

import io.footnote.domain.Document;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every indexed format, read end to end by {@link ArticleReader} from small fixture files. */
class DocumentFormatsTest {

    private final ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(),
            new SentenceSplitter());

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DocumentFormatsTest.class.getResourceAsStream("/formats/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<String> sentences(Document d) {
        return d.sentences().stream().map(s -> s.textIn(d.text())).toList();
    }

    @Test
    void html_keeps_the_main_text_and_drops_navigation_scripts_and_footer() throws IOException {
        Document doc = reader.read("news/article.html", resource("article.html"));

        String text = doc.text();
        assertTrue(text.contains("cost the council £4.2m"), "ISO-8859-1 page decoded from its meta charset: " + text);
        assertTrue(text.contains("Cyclists will have a separate lane"), text);
        for (String boilerplate : List.of("Subscribe now", "Weather", "Related stories", "Ferry timetable",
                "tracking code", "font-family", "All rights reserved", "Privacy", "Contact us")) {
            assertFalse(text.contains(boilerplate), "'" + boilerplate + "' is page furniture, not article: " + text);
        }
        assertTrue(sentences(doc).contains("Engineers replaced the corroded steel cables that had forced the closure "
                + "last summer, when an inspection found that two of the main supports had lost a third of their "
                + "strength."), "line breaks of the HTML source do not split a sentence: " + sentences(doc));
    }

    @Test
    void html_title_and_date_come_from_its_metadata() throws IOException {
        Document doc = reader.read("article.html", resource("article.html"));

        assertEquals("Harbour bridge reopens after repairs", doc.title());
        assertEquals(LocalDate.of(2024, 3, 14), doc.date());
        assertEquals("article", doc.id());
    }

    @Test
    void markdown_is_indexed_as_the_text_a_reader_sees() throws IOException {
        Document doc = reader.read("results.md", resource("results.md"));

        assertEquals("Quarterly results at Northwind Traders", doc.title());
        List<String> sentences = sentences(doc);
        assertTrue(sentences.contains("Northwind Traders reported record sales of $12.5m for the third quarter, up "
                + "14% on a year earlier."), sentences.toString());
        assertTrue(sentences.contains("The chief executive, Ana Lopez, said demand for the new range of kettles had "
                + "exceeded the company's own forecasts."), "link text kept, its target dropped: " + sentences);
        assertTrue(sentences.contains("Online orders doubled after the website was rebuilt."), sentences.toString());
        for (String markup : List.of("https://", "**", "# ", "![", "](")) {
            assertFalse(doc.text().contains(markup), "'" + markup + "' is markup: " + doc.text());
        }
    }

    @Test
    void pdf_lines_of_a_paragraph_join_into_whole_sentences() throws IOException {
        byte[] pdf = pdf("Budget vote delayed", 2023, Calendar.NOVEMBER, 2,
                List.of("The council postponed its vote on the new budget", "until next week after a long debate.",
                        "", "Opposition members asked for an independent review of the", "spending plans."));

        Document doc = reader.read("budget.pdf", pdf);

        assertEquals("Budget vote delayed", doc.title());
        assertEquals(LocalDate.of(2023, 11, 2), doc.date());
        assertEquals(List.of("The council postponed its vote on the new budget until next week after a long debate.",
                "Opposition members asked for an independent review of the spending plans."), sentences(doc));
    }

    @Test
    void docx_paragraphs_title_and_date_are_read() throws Exception {
        byte[] docx;
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            word.getProperties().getCoreProperties().setTitle("Library opening hours extended");
            word.getProperties().getCoreProperties().setCreated("2022-06-30T09:00:00Z");
            for (String para : List.of("The central library will open until 9pm on weekdays from July.",
                    "The change follows a survey in which most readers asked for evening hours.")) {
                word.createParagraph().createRun().setText(para);
            }
            word.write(out);
            docx = out.toByteArray();
        }

        Document doc = reader.read("reports/library.docx", docx);

        assertEquals("Library opening hours extended", doc.title());
        assertEquals(LocalDate.of(2022, 6, 30), doc.date());
        assertEquals(List.of("The central library will open until 9pm on weekdays from July.",
                "The change follows a survey in which most readers asked for evening hours."), sentences(doc));
        assertEquals("reports--library", doc.id());
    }

    @Test
    void corrupt_pdf_is_refused_with_the_reason() {
        byte[] garbage = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf".getBytes(StandardCharsets.US_ASCII);

        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> reader.read("broken.pdf", garbage));

        assertTrue(e.getMessage().startsWith("corrupt or unreadable PDF file")
                || e.getMessage().equals("no text in the PDF file"), e.getMessage());
    }

    @Test
    void pdf_without_a_text_layer_is_refused_as_empty() throws IOException {
        byte[] blank = pdf(null, 2020, Calendar.JANUARY, 1, List.of());

        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> reader.read("scan.pdf", blank));

        assertEquals("no text in the PDF file", e.getMessage());
    }

    @Test
    void legacy_encodings_are_detected_without_mojibake() {
        String article = "Chelsea paid \u00a315.8m for the striker \u2013 a \u201crecord\u201d fee for the club.\n";

        assertEquals(article.strip(), text("cp1252.txt", article.getBytes(Charset.forName("windows-1252"))));
        String latin = "Le caf\u00e9 du march\u00e9 a rouvert ses portes apr\u00e8s des travaux de r\u00e9novation. "
                + "Les habitu\u00e9s sont revenus d\u00e8s le premier matin, et le propri\u00e9taire a remerci\u00e9 "
                + "tout le quartier pour sa patience pendant ces longs mois.";
        assertEquals(latin, text("latin1.txt", latin.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(latin, text("utf16.txt", ("\uFEFF" + latin).getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(latin, text("bom.txt", ("\uFEFF" + latin).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_bbc_style_file_with_one_latin1_pound_sign_reads_cleanly() {
        // The shape of the one BBC file that is not UTF-8: plain ASCII with a single 0xA3 byte.
        byte[] bytes = "Chelsea sack Mutu\n\nThe club wrote off a possible transfer fee for Mutu, a \u00a315.8m signing."
                .getBytes(StandardCharsets.ISO_8859_1);

        Document doc = reader.read("sport/199.txt", bytes);

        assertEquals("Chelsea sack Mutu", doc.title());
        assertTrue(doc.text().contains("a \u00a315.8m signing"), doc.text());
    }

    @Test
    void html_entities_in_a_plain_text_article_are_decoded_and_bare_ampersands_kept() {
        // given a BBC-style text file with entities copied from a web page
        byte[] bytes = "Mutu fee written off\n\nThe &#163;8m deal between AT&T and R & D firms fell through &amp; ended."
                .getBytes(StandardCharsets.UTF_8);

        // when it is read
        Document doc = reader.read("business/12.txt", bytes);

        // then the reader sees the characters, and plain ampersands are untouched
        assertTrue(doc.text().contains("The \u00a38m deal between AT&T and R & D firms fell through & ended."),
                doc.text());
    }

    @Test
    void binary_and_unsupported_files_are_refused_with_reasons() {
        UnreadableDocumentException binary = assertThrows(UnreadableDocumentException.class,
                () -> reader.read("data.txt", new byte[]{'a', 0, 1, 2, 3}));
        UnreadableDocumentException unsupported = assertThrows(UnreadableDocumentException.class,
                () -> reader.read("song.mp3", new byte[]{1}));
        UnreadableDocumentException empty = assertThrows(UnreadableDocumentException.class,
                () -> reader.read("empty.html", new byte[0]));

        assertEquals("binary content, not text", binary.getMessage());
        assertTrue(unsupported.getMessage().startsWith("unsupported format (indexed: txt"), unsupported.getMessage());
        assertEquals("empty file", empty.getMessage());
    }

    private String text(String name, byte[] bytes) {
        return reader.read(name, bytes).text();
    }

    /** A one-page PDF: each line printed below the previous one; an empty line leaves a paragraph gap. */
    private static byte[] pdf(String title, int year, int month, int day, List<String> lines) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            if (title != null) {
                pdf.getDocumentInformation().setTitle(title);
            }
            Calendar created = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(year, month, day, 12, 0);
            pdf.getDocumentInformation().setCreationDate(created);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                for (String line : lines) {
                    if (!line.isEmpty()) {
                        content.showText(line);
                    }
                    content.newLineAtOffset(0, line.isEmpty() ? -30 : -15);
                }
                content.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
