package io.footnote.ingest;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads plain text and Markdown. Bytes are decoded as UTF-8 when they are valid UTF-8 and as Windows-1252
 * otherwise (the usual encoding of older English news files), so a legacy file indexes without mojibake.
 * A file that holds NUL bytes is binary and refused.
 */
public final class PlainTextDocumentParser implements DocumentParser {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Override
    public Document parse(InputStream inputStream) {
        byte[] bytes;
        try {
            bytes = inputStream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UnreadableDocumentException("binary content (NUL bytes), not text");
            }
        }
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new UnreadableDocumentException("empty file");
        }
        return Document.from(text);
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}
