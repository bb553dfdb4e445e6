package io.footnote.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The corpus folder as the source of truth for uploads: an uploaded file is written into it (replacing a
 * file of the same name), and the index follows the folder. A file appears there whole or not at all — it
 * is written under a hidden temporary name, which rescans ignore, then renamed — so a crash or a concurrent
 * rescan never sees half a file.
 */
public final class CorpusFolder {

    private static final int MAX_NAME = 200;

    private final Path root;
    private final DocumentFormats formats;

    public CorpusFolder(Path root, DocumentFormats formats) {
        this.root = root;
        this.formats = formats;
    }

    /**
     * The name an uploaded file gets in the folder: the last segment of the name the client sent.
     *
     * @throws IllegalArgumentException with a message for the client when the name cannot be used
     */
    public String nameFor(String submitted) {
        String name = submitted == null ? "" : submitted.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Every uploaded file needs a file name (e.g. report.pdf).");
        }
        if (name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "': hidden file names (starting with '.') are not indexed.");
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(c -> Character.isISOControl(c) || c == ':')) {
            throw new IllegalArgumentException("'" + name + "' is not a usable file name.");
        }
        if (!formats.supports(name)) {
            throw new IllegalArgumentException("'" + name + "': unsupported format; indexed formats are "
                    + String.join(", ", formats.extensions()) + ".");
        }
        return name;
    }

    /** Writes {@code content} as {@code name} (from {@link #nameFor}) atomically; returns its relative path. */
    public String write(String name, InputStream content) throws IOException {
        Files.createDirectories(root);
        Path target = root.resolve(name).normalize();
        if (!target.getParent().equals(root.normalize())) {
            throw new IllegalArgumentException("'" + name + "' is not a usable file name.");
        }
        Path tmp = root.resolve(".upload-" + UUID.randomUUID() + ".tmp");
        try {
            Files.copy(content, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return name;
    }

    public Path root() {
        return root;
    }
}
