package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.util.Timeout;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;

/**
 * The index on an OpenSearch cluster, for archives too large for one machine and for several stateless
 * Footnote instances behind a load balancer. It keeps the embedded index's behaviour: the same BM25 terms
 * (the {@code english} analyzer is Lucene's {@link EnglishAnalyzer}), the same HNSW (k-NN plugin, Lucene
 * engine, cosine), the same reciprocal rank fusion (here, or on the server with the neural-search plugin).
 *
 * <p>Layout ({@link OpenSearchRecords}): one OpenSearch index holds, per article, one {@code doc} record and
 * one {@code chunk} record per chunk, under ids derived from the article, so re-ingesting after a restart
 * overwrites instead of duplicating. Chunks are written before their article record: an article record
 * present means its chunks are too, and a search hit is kept only when its content hash matches the article
 * record's.
 *
 * <p>Nothing an answer depends on lives only in this process: articles read from the cluster are cached,
 * but a search hit of another version always re-reads its article, and a cached article is otherwise reused
 * for at most {@link Settings#cacheTtl()}. Every search names the same {@code preference}, so every instance
 * reads the same copy of each shard and gets the same scores (copies can differ in segment statistics).
 *
 * <p>Writes are buffered ({@link OpenSearchWrites}) and sent in bulk requests ({@link OpenSearchBulk}), one at
 * a time from the ingesting thread (which is the back-pressure); requests or items refused for load (429) or
 * unavailability (5xx, a node gone) are retried with exponential back-off, on another node when one is down.
 * A write is acknowledged by OpenSearch only once every in-sync copy has it, so with one replica the loss of a
 * node loses no acknowledged article.
 *
 * <p>This class is the facade: it wires the parts and lays the unsent writes over what the cluster answers.
 */
public final class OpenSearchIndex implements ArticleIndex {

    /** Connection and layout settings ({@code footnote.opensearch.*}). */
    public record Settings(List<String> hosts, Optional<String> username, Optional<String> password, String index,
                           int shards, int replicas, boolean serverHybrid, Duration timeout, int maxRetries,
                           int bulkArticles, Duration cacheTtl) {
    }

    private final Settings settings;
    private final int dimension;
    private final OpenSearchHttp http;
    private final OpenSearchBulk bulk;
    private final OpenSearchArticles articles;
    private final OpenSearchWrites writes;
    private final OpenSearchListing listing;
    private final OpenSearchSearch search;
    private final OpenSearchTermStats termStats;
    /**
     * Whether the index maps {@link OpenSearchRecords#LIST_TITLE}: false for an index created before that
     * field, which the strict mapping would refuse; such an index lists by filtering {@link #documents()}.
     */
    private final boolean titleIndexed;

    private OpenSearchIndex(Settings settings, OpenSearchHttp http, String signature, int dimension) {
        this.settings = settings;
        this.dimension = dimension;
        this.http = http;
        this.titleIndexed = OpenSearchMapping.prepare(http, settings, signature, dimension);
        String index = settings.index();
        OpenSearchRecords records = new OpenSearchRecords(http.json(), dimension, titleIndexed);
        OpenSearchQueries queries = new OpenSearchQueries(http);
        this.bulk = new OpenSearchBulk(http, index, settings.maxRetries());
        this.articles = new OpenSearchArticles(http, index, records, settings.cacheTtl());
        this.termStats = new OpenSearchTermStats(http, index, queries, settings.cacheTtl());
        this.writes = new OpenSearchWrites(http, index, settings.bulkArticles(), records, bulk, articles,
                termStats::clear);
        this.listing = new OpenSearchListing(http, index, queries);
        this.search = new OpenSearchSearch(http, index, queries, articles, writes::unsent);
    }

    /**
     * Connects to the cluster and makes sure the index exists with this mapping. {@code signature} names
     * everything that shapes the indexed data (as for {@link LuceneIndex#open}): an index built under another
     * signature is deleted and recreated empty, and the next ingest rebuilds it.
     */
    public static OpenSearchIndex open(Settings settings, String signature, int dimension) {
        OpenSearchHttp http = new OpenSearchHttp(settings.hosts(), settings.username(), settings.password(),
                Timeout.ofMilliseconds(settings.timeout().toMillis()));
        try {
            return new OpenSearchIndex(settings, http, signature, dimension);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------------------------------------- writes

    @Override
    public void upsert(IndexedDocument d, List<float[]> chunkVectors) {
        writes.upsert(d, chunkVectors);
    }

    @Override
    public void delete(String documentId) {
        writes.delete(documentId);
    }

    @Override
    public void restamp(String documentId, FileStamp stamp) {
        writes.restamp(documentId, stamp);
    }

    @Override
    public void commit() {
        writes.commit();
    }

    /** Bulk actions sent again since this index was opened (refused for load, or a node unavailable). */
    public long bulkRetries() {
        return bulk.retries();
    }

    // ----------------------------------------------------------------------------------------------- reads

    /** What the cluster holds, with the writes not yet sent laid over it. */
    @Override
    public Map<String, Version> versions() {
        Map<String, Version> out = listing.versions();
        writes.unsent().forEach((id, d) -> {
            if (d.isEmpty()) {
                out.remove(id);
            } else {
                out.put(id, new Version(d.get().document().contentHash(), d.get().stamp()));
            }
        });
        return out;
    }

    /** What the cluster holds for {@code ids}, with the writes not yet sent laid over it. */
    @Override
    public Map<String, Version> versions(java.util.Collection<String> ids) {
        Map<String, Version> out = listing.versions(ids);
        Map<String, Optional<IndexedDocument>> unsent = writes.unsent();
        for (String id : ids) {
            Optional<IndexedDocument> d = unsent.get(id);
            if (d != null) {
                d.ifPresentOrElse(a -> out.put(id, new Version(a.document().contentHash(), a.stamp())),
                        () -> out.remove(id));
            }
        }
        return out;
    }

    /**
     * What the cluster holds, by {@code search_after} on the id: a delete from {@code action} is buffered and
     * does not move the scan, which resumes after the last id it saw.
     */
    @Override
    public void forEachId(Consumer<String> action) {
        listing.forEachId(action);
    }

    /** The unsent version if one is buffered, else a fresh cached one, else the cluster's. */
    @Override
    public Optional<IndexedDocument> document(String id) {
        Map<String, Optional<IndexedDocument>> unsent = writes.unsent();
        if (unsent.containsKey(id)) {
            return unsent.get(id);
        }
        Optional<IndexedDocument> cached = articles.fresh(id);
        return cached.isPresent() ? cached : Optional.ofNullable(articles.read(List.of(id)).get(id));
    }

    /** The articles as the cluster holds them (writes not yet sent are not listed), ordered by id. */
    @Override
    public List<Entry> documents() {
        return listing.entries();
    }

    /**
     * One search request per page, filtered by title in the cluster, sorted by id, with the total of matches.
     * Like {@link #documents()}, it lists what the cluster holds: writes not yet sent are not seen. An index
     * created before the title field pages by filtering {@link #documents()}.
     */
    @Override
    public Page page(Optional<String> afterId, int limit, String titleContains) {
        return titleIndexed ? listing.page(afterId, limit, titleContains)
                : ArticleIndex.super.page(afterId, limit, titleContains);
    }

    @Override
    public Stats stats() {
        return listing.stats();
    }

    // ---------------------------------------------------------------------------------------------- search

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<ChunkHit> searchText(String text, int n) {
        return search.text(text, n);
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int n) {
        return search.vector(vector, n);
    }

    /** BM25 and k-NN in one multi-search request. */
    @Override
    public Both searchBoth(String text, float[] vector, int n) {
        return search.both(text, vector, n);
    }

    /** Fused in the cluster (neural-search's RRF) when {@code footnote.opensearch.hybrid=server}. */
    @Override
    public Optional<List<ChunkHit>> searchHybrid(String text, float[] vector, int candidates, int rrfK) {
        return settings.serverHybrid() ? Optional.of(search.fused(text, vector, candidates, rrfK)) : Optional.empty();
    }

    /**
     * Analysed here with Lucene's {@link EnglishAnalyzer}, which is what the mapping's {@code english}
     * analyzer is: the same terms without a round trip per sentence (sentence ranking analyses dozens).
     */
    @Override
    public List<String> analyze(String text) {
        return search.analyze(text);
    }

    @Override
    public double idf(String term) {
        return idf(List.of(term)).get(term);
    }

    /** Document frequencies over the whole index in one request, cached (see {@link OpenSearchTermStats}). */
    @Override
    public Map<String, Double> idf(Collection<String> terms) {
        return termStats.idf(terms);
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    /**
     * The index's health as the cluster reports it: {@code green}, {@code yellow} (a copy missing, e.g. a node
     * down: answers go on) or {@code red}, with the node count and unassigned shards; or why it is unreachable.
     */
    @Override
    public Map<String, String> health() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("backend", "opensearch");
        out.put("index", settings.index());
        try {
            JsonNode h = http.call("GET", "/_cluster/health/" + settings.index(), Map.of("timeout", "2s"), null);
            out.put("cluster", h.path("status").asText());
            out.put("nodes", h.path("number_of_data_nodes").asText());
            out.put("unassignedShards", h.path("unassigned_shards").asText());
        } catch (RuntimeException e) {
            out.put("cluster", "unreachable: " + e.getMessage());
        }
        return out;
    }

    @Override
    public void close() {
        http.close();
    }

    /** An error answer of OpenSearch, with its HTTP status and error type. */
    public static final class OpenSearchException extends IllegalStateException {
        private final int status;
        private final String type;

        OpenSearchException(String message, int status, String type) {
            super(message);
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }
    }
}
