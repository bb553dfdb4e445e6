package io.footnote.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentParser;
import org.apache.commons.text.StringEscapeUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads plain text. The encoding is found from the bytes: a byte-order mark wins; bytes that are valid UTF-8
 * are UTF-8 (for text with any non-ASCII character, valid UTF-8 by accident is vanishingly rare); otherwise
 * ICU's statistical {@link CharsetDetector} names the legacy encoding, with ISO-8859-1 read as its superset
 * Windows-1252 (as browsers do), and Windows-1252 when the detector has no confident answer — the usual
 * encoding of older English news files. So a legacy file indexes without mojibake.
 *
 * <p>HTML entities in the text are decoded (see {@link #decodeEntities}).
 *
 * <p>A file that holds NUL bytes or mostly control characters is binary and refused, as is an empty one.
 */
public final class PlainTextDocumentParser implements DocumentParser {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Below this ICU confidence (0–100) the detector is guessing; Windows-1252 is the better guess. */
    private static final int MIN_CONFIDENCE = 30;

    @Override
    public Document parse(InputStream inputStream) {
        byte[] bytes;
        try {
            bytes = inputStream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (isBinary(text)) {
            throw new UnreadableDocumentException("binary content, not text");
        }
        if (text.isBlank()) {
            throw new UnreadableDocumentException("empty file");
        }
        return Document.from(decodeEntities(text));
    }

    /**
     * Plain-text news files often carry HTML entities copied from a web page ({@code &#163;8m}, {@code &amp;});
     * the reader should see "£8m". Decoded before sentences are split, so every citation offset is into the
     * decoded text. A bare ampersand ("AT&T", "R & D") is left as written.
     */
    static String decodeEntities(String text) {
        return text.indexOf('&') < 0 ? text : StringEscapeUtils.unescapeHtml4(text);
    }

    static String decode(byte[] bytes) {
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            return new String(bytes, bom);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, legacyCharset(bytes));
        }
    }

    /** The encoding ICU finds most likely for bytes that are not UTF-8. */
    static Charset legacyCharset(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            String name = match.getName();
            if (name.startsWith("UTF-")) {
                continue; // without a byte-order mark, and not valid UTF-8: not a Unicode encoding
            }
            if (name.equals("ISO-8859-1") || name.equals("US-ASCII")) {
                return WINDOWS_1252;
            }
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return WINDOWS_1252;
    }

    private static Charset byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** NUL characters, or more than one control character in twenty: not text meant for people. */
    private static boolean isBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control * 20 > text.length();
    }
}
