package io.footnote.index;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The searchers of a {@link LuceneIndex}: near-real-time over its writer, so a refresh shows every committed
 * change.
 *
 * <p>Contract: {@link #with} acquires the current searcher, runs the task and releases the searcher even when
 * the task fails; an {@link IOException} becomes an {@link UncheckedIOException}. Closing releases the
 * manager's reference; searchers still acquired stay usable until released.
 */
final class LuceneSearchers implements Closeable {

    /** Work on one searcher. */
    @FunctionalInterface
    interface Task<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private final SearcherManager manager;

    /** @throws IOException when the writer's first reader cannot be opened */
    LuceneSearchers(IndexWriter writer) throws IOException {
        this.manager = new SearcherManager(writer, null);
    }

    <T> T with(Task<T> task) {
        try {
            IndexSearcher s = manager.acquire();
            try {
                return task.run(s);
            } finally {
                manager.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until searchers acquired from now on see every change the writer committed. */
    void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
