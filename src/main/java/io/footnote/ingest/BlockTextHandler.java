package io.footnote.ingest;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.Locale;
import java.util.Set;

/**
 * Collects the text of a Tika XHTML stream as paragraphs: every block element (paragraph, heading, list
 * item, table cell, …) becomes one line, and whitespace inside a block — including the hard line breaks a
 * PDF puts at the end of every printed line — is folded into single spaces. Paragraphs are separated by a
 * blank line. This matters because the sentence splitter treats a line break as the end of a sentence: a
 * PDF paragraph must reach it as one line, or each printed line would become a "sentence".
 *
 * <p>The document head (title, meta) and scripts or styles are not content and are left out.
 */
final class BlockTextHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "dt", "dd", "blockquote", "pre", "tr", "td", "th", "caption", "br", "hr", "section", "article",
            "header", "footer", "aside", "nav", "table", "ul", "ol", "dl", "figure", "figcaption", "address",
            "body", "main");

    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "template");

    private final boolean newlineEndsParagraph;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder block = new StringBuilder();
    private int skipDepth;
    /** A line ended in "word-": the next line continues the word ("well-" + "known" → "well-known"). */
    private boolean joinAfterHyphen;

    /**
     * @param newlineEndsParagraph whether a newline inside a block separates paragraphs (Boilerpipe's output)
     *                             rather than wrapping a line (PDF, HTML source)
     */
    BlockTextHandler(boolean newlineEndsParagraph) {
        this.newlineEndsParagraph = newlineEndsParagraph;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth++;
        } else if (BLOCKS.contains(name)) {
            endBlock();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth = Math.max(0, skipDepth - 1);
        } else if (BLOCKS.contains(name)) {
            endBlock();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) {
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (c == '\n' && newlineEndsParagraph) {
                endBlock();
            } else if (Character.isWhitespace(c) || c == '\u00a0') {
                if (c == '\n' && endsWithWordHyphen()) {
                    joinAfterHyphen = true;
                } else if (!joinAfterHyphen && !block.isEmpty() && block.charAt(block.length() - 1) != ' ') {
                    block.append(' ');
                }
            } else if (c != '\u00ad') { // a soft hyphen only marks where a word may break
                joinAfterHyphen = false;
                block.append(c);
            }
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // Tika writes a PDF's line breaks this way; between blocks it is harmless (blocks are stripped).
        if (!newlineEndsParagraph) {
            characters(ch, start, length);
        }
    }

    @Override
    public void endDocument() {
        endBlock();
    }

    /** The collected paragraphs, separated by blank lines. */
    String text() {
        endBlock();
        return out.toString();
    }

    private boolean endsWithWordHyphen() {
        int n = block.length();
        return n >= 2 && block.charAt(n - 1) == '-' && Character.isLetter(block.charAt(n - 2));
    }

    private void endBlock() {
        joinAfterHyphen = false;
        String text = block.toString().strip();
        block.setLength(0);
        if (!text.isEmpty()) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(text);
        }
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        return n == null ? "" : n.toLowerCase(Locale.ROOT);
    }
}
