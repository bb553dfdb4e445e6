package io.footnote.ingest;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.index.ArticleLookup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * One corpus file in a pass: checked (its id is its own, its format is indexed, it is not too large), then
 * either found unchanged (by its {@link FileStamps stamp} or its content hash) or parsed, cleaned, split into
 * sentences and chunked. Records the file's stamp once it has been read whole.
 */
final class FileIntake {

    /** What a file turned out to hold. */
    sealed interface Result permits Unchanged, Read {
    }

    /** The index already holds this content. */
    record Unchanged() implements Result {
    }

    /** New or changed content, ready to embed. */
    record Read(Document document, List<Chunk> chunks) implements Result {
    }

    private final ArticleLookup articles;
    private final ArticleReader reader;
    private final DocumentFormats formats;
    private final Chunker chunker;
    private final long maxFileBytes;
    private final FileStamps stamps;

    FileIntake(ArticleLookup articles, ArticleReader reader, DocumentFormats formats, Chunker chunker,
               long maxFileBytes, FileStamps stamps) {
        this.articles = articles;
        this.reader = reader;
        this.formats = formats;
        this.chunker = chunker;
        this.maxFileBytes = maxFileBytes;
        this.stamps = stamps;
    }

    /**
     * @param fullPass  whether the whole folder is being read; otherwise the file must not take the id of an
     *                  article another file still holds
     * @param knownHash the index's content hash for {@code id}, or null (a forced pass passes null)
     * @param force     re-read the file whatever its stamp says
     * @throws UnreadableDocumentException (or an I/O error) when the file is skipped; see {@link #reason}
     */
    Result take(Path corpus, Path file, String rel, String id, boolean fullPass, String knownHash, boolean force)
            throws IOException {
        if (!fullPass) {
            String owner = articles.document(id).map(d -> d.document().source()).orElse(rel);
            if (!owner.equals(rel) && Files.exists(corpus.resolve(owner))) {
                throw new UnreadableDocumentException("document id " + id + " already belongs to " + owner);
            }
        }
        if (!formats.supports(rel)) {
            throw new UnreadableDocumentException(
                    "unsupported format (indexed: " + String.join(", ", formats.extensions()) + ")");
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (attrs.size() > maxFileBytes) {
            throw new UnreadableDocumentException("larger than footnote.ingest.max-file-size ("
                    + attrs.size() + " > " + maxFileBytes + " bytes)");
        }
        if (!force && stamps.unchanged(rel, attrs, knownHash)) {
            return new Unchanged();
        }
        byte[] bytes = Files.readAllBytes(file);
        String hash = ArticleReader.sha256(bytes);
        Result result;
        if (hash.equals(knownHash)) {
            result = new Unchanged();
        } else {
            Document doc = reader.read(rel, bytes);
            result = new Read(doc, chunker.chunk(doc));
        }
        stamps.record(rel, attrs, hash);
        return result;
    }

    /** Why a file was skipped, as the report says it. */
    static String reason(Exception e) {
        return e instanceof UnreadableDocumentException ? e.getMessage()
                : e instanceof NoSuchFileException ? "file not found"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
