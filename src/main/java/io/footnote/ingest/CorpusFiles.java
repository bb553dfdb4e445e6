package io.footnote.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The files of a corpus folder that a full pass reads: regular files, recursively, hidden files and folders
 * (any name starting with '.') left out. They are visited depth first, each folder's entries in name order, and
 * streamed: what is held at a time is the listing of the folders on the current path, not the whole tree.
 */
final class CorpusFiles {

    private CorpusFiles() {
    }

    /** The files, as {@link #stream} visits them, in a list. */
    static List<Path> list(Path corpus) {
        try (Stream<Path> files = stream(corpus)) {
            return files.toList();
        }
    }

    /**
     * The files of {@code corpus}, lazily, in the order above; folders are listed as the stream reaches them, so
     * a file added or removed meanwhile may or may not be seen. Symbolic links to folders are not followed.
     *
     * @throws IllegalArgumentException when {@code corpus} is not a folder
     */
    static Stream<Path> stream(Path corpus) {
        Iterator<Path> files = new Walk(entries(requireFolder(corpus)));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(files,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** How many files {@link #stream} visits, counted without keeping them. */
    static int count(Path corpus) {
        try (Stream<Path> files = stream(corpus)) {
            return (int) files.count();
        }
    }

    private static Path requireFolder(Path corpus) {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("Corpus folder " + corpus.toAbsolutePath() + " does not exist");
        }
        return corpus;
    }

    /** The entries of {@code folder} not hidden (uploads are written under a hidden name, then renamed), by name. */
    private static Iterator<Path> entries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList().iterator();
        } catch (NoSuchFileException e) {
            return Collections.emptyIterator(); // removed since its parent was listed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Depth first over a stack of folder listings. */
    private static final class Walk implements Iterator<Path> {

        private final Deque<Iterator<Path>> folders = new ArrayDeque<>();
        private Path next;

        Walk(Iterator<Path> root) {
            folders.push(root);
        }

        @Override
        public boolean hasNext() {
            while (next == null && !folders.isEmpty()) {
                Iterator<Path> top = folders.peek();
                if (!top.hasNext()) {
                    folders.pop();
                } else {
                    Path p = top.next();
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        folders.push(entries(p));
                    } else if (Files.isRegularFile(p)) {
                        next = p;
                    }
                }
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Path p = next;
            next = null;
            return p;
        }
    }
}
