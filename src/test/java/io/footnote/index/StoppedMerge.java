package io.footnote.index;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A service stopped while a bulk pass merges its index: the index under a path is opened, {@link LuceneIndex#compact}
 * starts on another thread, and the index is closed once the merge has begun. The merge cannot finish before that:
 * its outputs wait for the commit that closing makes (at most 10 s, so a close that waited for the merge first would
 * end too, and a test would see what it kept).
 */
public final class StoppedMerge {

    private StoppedMerge() {
    }

    /** An index whose merges wait, once begun, until {@code release} counts down (or 30 s pass). */
    public record HeldMerges(LuceneIndex index, CountDownLatch began, CountDownLatch release) {
    }

    /** Opens the index at {@code path} so that its merges hold until released: a test watches a pass merging. */
    public static HeldMerges openHoldingMerges(Path path, String signature, int dimension) throws IOException {
        CountDownLatch began = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Directory gated = new FilterDirectory(FSDirectory.open(path)) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (context.context() == IOContext.Context.MERGE) {
                    began.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.createOutput(name, context);
            }
        };
        return new HeldMerges(LuceneIndex.open(gated, signature, dimension, LuceneIndex.CACHE_BYTES), began, release);
    }

    /**
     * Opens the index at {@code path} (signature and dimension as it was built), starts its compaction, runs
     * {@code whileMerging} once the merge has begun, closes the index, and returns whether the compaction thread
     * had ended within 10 s of the close.
     */
    public static boolean closeDuringCompaction(Path path, String signature, int dimension,
                                                Consumer<LuceneIndex> whileMerging) throws Exception {
        CountDownLatch merging = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        Directory gated = new FilterDirectory(FSDirectory.open(path)) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (context.context() == IOContext.Context.MERGE) {
                    merging.countDown();
                    try {
                        committed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.createOutput(name, context);
            }

            @Override
            public void rename(String source, String dest) throws IOException {
                super.rename(source, dest);
                if (dest.startsWith("segments_") && merging.getCount() == 0) {
                    committed.countDown(); // a commit made after the merge began: the one close makes
                }
            }
        };
        LuceneIndex index = LuceneIndex.open(gated, signature, dimension, LuceneIndex.CACHE_BYTES);
        Thread compacting = new Thread(() -> {
            try {
                index.compact();
            } catch (RuntimeException expected) {
                // the merge is aborted under it
            }
        });
        try {
            compacting.start();
            if (!merging.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the merge did not begin: the index had one segment?");
            }
            whileMerging.accept(index);
        } finally {
            index.close();
        }
        compacting.join(10_000);
        return !compacting.isAlive();
    }
}
