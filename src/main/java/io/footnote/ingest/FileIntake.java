package io.footnote.ingest;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.index.ArticleLookup;
import io.footnote.index.ArticleStore;
import io.footnote.index.FileStamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * One corpus file in a pass: checked (its id is its own, its format is indexed, it is not too large), then
 * either found unchanged (by the {@link FileStamp} the index holds with its article, else by its content hash)
 * or parsed, cleaned, split into sentences and chunked. Holds nothing between files: what was last read of a
 * file is in the index, so the sync's memory does not grow with the corpus.
 */
final class FileIntake {

    /** What a file turned out to hold. */
    sealed interface Result permits Unchanged, Read {
    }

    /**
     * The index already holds this content.
     *
     * @param restamp the file's stamp when the index holds another one (or none): the file was read and
     *                hashed, and the index should record the stamp so the next pass need not; else {@code null}
     */
    record Unchanged(FileStamp restamp) implements Result {
    }

    /** New or changed content, ready to embed, from a file with stamp {@code stamp}. */
    record Read(Document document, List<Chunk> chunks, FileStamp stamp) implements Result {
    }

    private final ArticleLookup articles;
    private final ArticleReader reader;
    private final DocumentFormats formats;
    private final Chunker chunker;
    private final long maxFileBytes;

    FileIntake(ArticleLookup articles, ArticleReader reader, DocumentFormats formats, Chunker chunker,
               long maxFileBytes) {
        this.articles = articles;
        this.reader = reader;
        this.formats = formats;
        this.chunker = chunker;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * @param fullPass whether the whole folder is being read; otherwise the file must not take the id of an
     *                 article another file still holds
     * @param known    the index's version of {@code id}, or null (absent; a forced pass passes null)
     * @throws UnreadableDocumentException (or an I/O error) when the file is skipped; see {@link #reason}
     */
    Result take(Path corpus, Path file, String rel, String id, boolean fullPass, ArticleStore.Version known)
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
        FileStamp stamp = FileStamp.of(attrs);
        if (known != null && stamp.equals(known.stamp())) {
            return new Unchanged(null);
        }
        byte[] bytes = Files.readAllBytes(file);
        if (known != null && ArticleReader.sha256(bytes).equals(known.hash())) {
            return new Unchanged(stamp);
        }
        Document doc = reader.read(rel, bytes);
        return new Read(doc, chunker.chunk(doc), stamp);
    }

    /** Why a file was skipped, as the report says it. */
    static String reason(Exception e) {
        return e instanceof UnreadableDocumentException ? e.getMessage()
                : e instanceof NoSuchFileException ? "file not found"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
