package io.footnote.ingest;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Size, modification time and content hash of each corpus file as last read, by relative path: lets a rescan
 * of an unchanged folder skip reading files whose size and modification time are as last seen.
 */
final class FileStamps {

    private record Stamp(long size, long modified, String hash) {
    }

    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    /**
     * Whether {@code rel} is as last read and the index holds that very content: same size, same modification
     * time, and the hash it had then is {@code knownHash} (the index's hash of its article).
     */
    boolean unchanged(String rel, BasicFileAttributes attrs, String knownHash) {
        Stamp stamp = stamps.get(rel);
        return stamp != null && knownHash != null && stamp.hash().equals(knownHash)
                && stamp.size() == attrs.size() && stamp.modified() == attrs.lastModifiedTime().toMillis();
    }

    void record(String rel, BasicFileAttributes attrs, String hash) {
        stamps.put(rel, new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis(), hash));
    }

    void forget(String rel) {
        stamps.remove(rel);
    }

    void clear() {
        stamps.clear();
    }

    /** Forgets every file whose document id is not in {@code ids} (its file is gone after a full pass). */
    void retainIds(Set<String> ids) {
        stamps.keySet().removeIf(rel -> !ids.contains(ArticleReader.idOf(rel)));
    }
}
