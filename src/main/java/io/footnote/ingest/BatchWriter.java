package io.footnote.ingest;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.index.ArticleStore;
import io.footnote.index.FileStamp;
import io.footnote.index.IndexedDocument;
import io.footnote.ingest.ArticleEmbedder.Embedded;
import io.footnote.ingest.CorpusIngester.Listener;
import io.footnote.ingest.CorpusIngester.Outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gathers the articles read in a pass into batches of about {@code batchSize} chunks, and embeds one batch
 * while the previous batch is written to the index, so the embedding threads do not wait for Lucene (and
 * Lucene not for them). One batch is in flight at a time. Each article is written as one atomic block, and
 * reported {@link Outcome#INDEXED} once written. One per pass; close it when the pass ends.
 */
final class BatchWriter implements AutoCloseable {

    private final ArticleStore store;
    private final ArticleEmbedder embedder;
    private final Listener listener;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("footnote-embed-batch").daemon().factory());
    private final List<Document> pending = new ArrayList<>();
    private final List<List<Chunk>> pendingChunkLists = new ArrayList<>();
    private int pendingChunks;
    /** The file stamp of each article queued or in flight (two batches at most), written with it. */
    private final Map<String, FileStamp> stamps = new HashMap<>();
    private Future<List<Embedded>> inFlight;
    private int embeddedChunks;
    private int embeddedSentences;

    BatchWriter(ArticleStore store, ArticleEmbedder embedder, Listener listener, int batchSize) {
        this.store = store;
        this.embedder = embedder;
        this.listener = listener;
        this.batchSize = batchSize;
    }

    /** Queues an article, read from a file with stamp {@code stamp}, for the next batch. */
    void add(Document doc, List<Chunk> chunks, FileStamp stamp) {
        stamps.put(doc.id(), stamp);
        pending.add(doc);
        pendingChunkLists.add(chunks);
        pendingChunks += chunks.size();
    }

    /**
     * Sends the queued articles to be embedded once they make a whole batch, writing the batch before them.
     *
     * @return whether a batch was sent
     */
    boolean submitIfFull() {
        if (pendingChunks < batchSize) {
            return false;
        }
        submitPending();
        return true;
    }

    /** Embeds and writes whatever is still queued or in flight; the pass's last step before it commits. */
    void finish() {
        submitPending();
        Future<List<Embedded>> last = inFlight;
        inFlight = null;
        write(last);
    }

    /** Chunks embedded and written so far. */
    int embeddedChunks() {
        return embeddedChunks;
    }

    /** Sentences embedded and written so far. */
    int embeddedSentences() {
        return embeddedSentences;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private void submitPending() {
        List<Document> docs = List.copyOf(pending);
        List<List<Chunk>> chunks = List.copyOf(pendingChunkLists);
        pending.clear();
        pendingChunkLists.clear();
        pendingChunks = 0;
        Future<List<Embedded>> previous = inFlight;
        inFlight = docs.isEmpty() ? null : worker.submit(() -> embedder.embed(docs, chunks));
        write(previous);
    }

    private void write(Future<List<Embedded>> batch) {
        if (batch == null) {
            return;
        }
        List<Embedded> done;
        try {
            done = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
            throw new IllegalStateException("Ingestion interrupted", e);
        } catch (ExecutionException e) {
            worker.shutdownNow();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        int chunkCount = 0;
        int sentenceCount = 0;
        for (Embedded e : done) {
            store.upsert(new IndexedDocument(e.doc(), e.chunks(), e.sentenceVectors(), stamps.remove(e.doc().id())),
                    e.chunkVectors());
            chunkCount += e.chunks().size();
            sentenceCount += e.sentenceVectors().length;
        }
        embeddedChunks += chunkCount;
        embeddedSentences += sentenceCount;
        listener.embedded(chunkCount, sentenceCount);
        for (Embedded e : done) {
            listener.fileDone(e.doc().source(), Outcome.INDEXED, null);
        }
    }
}
