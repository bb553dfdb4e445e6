package io.footnote.index;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * Size and modification time of the corpus file an article was read from, stored with the article: a sync
 * that finds the file with the same stamp, and the index with the same content hash, leaves it unread.
 *
 * @param size     bytes
 * @param modified last modification, epoch milliseconds
 */
public record FileStamp(long size, long modified) {

    /** The stamp of a file with attributes {@code attrs}. */
    public static FileStamp of(BasicFileAttributes attrs) {
        return new FileStamp(attrs.size(), attrs.lastModifiedTime().toMillis());
    }
}
