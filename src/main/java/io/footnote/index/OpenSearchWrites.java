package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write buffer of {@link OpenSearchIndex}: upserts and deletions are kept in order and sent through
 * {@link OpenSearchBulk} every {@code bulkArticles} changes (new file stamps are partial updates of the article
 * record) and on {@link #commit()}. Thread-safe: writes and
 * the readers' view of what is not yet sent share one lock, which a write holds while it sends.
 *
 * <p>Contract: an article's chunk records are written before its article record, so an article record present
 * means its chunks are too; chunks a shorter new version no longer has, and all chunks of a deleted article,
 * are deleted. Once sent, each article is cached (or forgotten) in {@link OpenSearchArticles} and
 * {@code onSent} runs (term statistics are stale). {@link #commit()} also refreshes the index, so everything
 * written is searchable when it returns.
 */
final class OpenSearchWrites {

    /** A buffered change: an upsert ({@code document} set), a new file stamp ({@code stamp} set) or a deletion. */
    private record Pending(String id, IndexedDocument document, List<float[]> vectors, FileStamp stamp) {

        boolean deletion() {
            return document == null && stamp == null;
        }
    }

    private final OpenSearchHttp http;
    private final String index;
    private final int bulkArticles;
    private final OpenSearchRecords records;
    private final OpenSearchBulk bulk;
    private final OpenSearchArticles articles;
    private final Runnable onSent;
    private final List<Pending> pending = new ArrayList<>();

    OpenSearchWrites(OpenSearchHttp http, String index, int bulkArticles, OpenSearchRecords records,
                     OpenSearchBulk bulk, OpenSearchArticles articles, Runnable onSent) {
        this.http = http;
        this.index = index;
        this.bulkArticles = bulkArticles;
        this.records = records;
        this.bulk = bulk;
        this.articles = articles;
        this.onSent = onSent;
    }

    synchronized void upsert(IndexedDocument d, List<float[]> chunkVectors) {
        if (chunkVectors.size() != d.chunks().size()) {
            throw new IllegalArgumentException("one vector per chunk expected for " + d.document().id());
        }
        add(new Pending(d.document().id(), d, List.copyOf(chunkVectors), null));
    }

    synchronized void delete(String documentId) {
        add(new Pending(documentId, null, null, null));
    }

    /** Merges {@code stamp} into the article record of {@code documentId}: nothing else is rewritten. */
    synchronized void restamp(String documentId, FileStamp stamp) {
        add(new Pending(documentId, null, null, stamp));
    }

    /** Sends what is buffered and refreshes the index. */
    synchronized void commit() {
        flush();
        http.call("POST", "/" + index + "/_refresh", Map.of(), null);
    }

    /**
     * The changes not yet sent, the last per article id, in the order written: an article present with an
     * empty value is deleted. Readers judge these articles by this, never by the cluster's older copy.
     */
    synchronized Map<String, Optional<IndexedDocument>> unsent() {
        Map<String, Optional<IndexedDocument>> out = new LinkedHashMap<>();
        for (Pending op : pending) {
            if (op.stamp() == null) {
                out.put(op.id(), Optional.ofNullable(op.document()));
            }
        }
        return out;
    }

    private void add(Pending op) {
        pending.add(op);
        if (pending.size() >= bulkArticles) {
            flush();
        }
    }

    /** Sends the buffered changes, in order, removing chunks a shorter new version no longer has. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Integer> chunkCounts = storedChunkCounts(pending.stream()
                .filter(op -> op.stamp() == null).map(Pending::id).distinct().toList());
        List<byte[]> actions = new ArrayList<>();
        for (Pending op : pending) {
            if (op.stamp() != null) {
                ObjectNode doc = http.object();
                OpenSearchRecords.stampSource(doc.putObject("article"), op.stamp());
                actions.add(bulk.update(OpenSearchRecords.articleId(op.id()), doc));
                continue;
            }
            int before = chunkCounts.getOrDefault(op.id(), 0);
            if (op.document() == null) {
                actions.add(bulk.delete(OpenSearchRecords.articleId(op.id())));
                for (int i = 0; i < before; i++) {
                    actions.add(bulk.delete(OpenSearchRecords.chunkId(op.id(), i)));
                }
                chunkCounts.put(op.id(), 0);
                continue;
            }
            IndexedDocument d = op.document();
            Document doc = d.document();
            for (Chunk c : d.chunks()) {
                actions.add(bulk.index(OpenSearchRecords.chunkId(doc.id(), c.ordinal()),
                        records.chunkSource(doc, c, op.vectors().get(c.ordinal()))));
            }
            for (int i = d.chunks().size(); i < before; i++) {
                actions.add(bulk.delete(OpenSearchRecords.chunkId(doc.id(), i)));
            }
            // last: marks the chunks complete
            actions.add(bulk.index(OpenSearchRecords.articleId(doc.id()), records.articleSource(d)));
            chunkCounts.put(doc.id(), d.chunks().size());
        }
        bulk.send(actions);
        for (Pending op : pending) {
            if (op.deletion()) {
                articles.forget(op.id());
            } else if (op.document() != null) {
                articles.remember(op.document(), System.nanoTime());
            }
        }
        pending.clear();
        onSent.run();
    }

    /** The chunk count of each article as the cluster holds it (absent: not stored). */
    private Map<String, Integer> storedChunkCounts(List<String> ids) {
        Map<String, Integer> out = new HashMap<>();
        ObjectNode body = http.object();
        ArrayNode docs = body.putArray("docs");
        for (String id : ids) {
            docs.addObject().put("_id", OpenSearchRecords.articleId(id)).putArray("_source").add("chunkCount").add("docId");
        }
        JsonNode r = http.call("POST", "/" + index + "/_mget", Map.of(), http.bytes(body));
        for (JsonNode d : r.path("docs")) {
            if (d.path("found").asBoolean(false)) {
                out.put(d.path("_source").path("docId").asText(), d.path("_source").path("chunkCount").asInt());
            }
        }
        return out;
    }
}
