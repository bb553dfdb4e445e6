package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The index on an OpenSearch cluster, for archives too large for one machine and for several stateless
 * Footnote instances behind a load balancer. It keeps the embedded index's behaviour: the same BM25 terms
 * (the {@code english} analyzer is Lucene's {@link EnglishAnalyzer}), the same HNSW (k-NN plugin, Lucene
 * engine, cosine), the same reciprocal rank fusion (here, or on the server with the neural-search plugin).
 *
 * <p>Layout: one OpenSearch index holds, per article, one {@code doc} record ({@code _id} {@code doc:<id>}:
 * text, sentence offsets, chunk runs and sentence vectors, kept in {@code _source} and not indexed, and
 * the lower-cased title as a keyword for the listing's filter) and one
 * {@code chunk} record per chunk ({@code _id} {@code chunk:<id>:<ordinal>}: BM25 text, title, vector and the
 * chunk's sentence run). Ids are derived from the article, so re-ingesting after a restart overwrites
 * instead of duplicating. Chunks are written before their article record: an article record present means
 * its chunks are too, and a search hit is kept only when its content hash matches the article record's.
 *
 * <p>Nothing an answer depends on lives only in this process: articles read from the cluster are cached,
 * but a search hit of another version always re-reads its article, and a cached article is otherwise reused
 * for at most {@link Settings#cacheTtl()}. Every search names the same {@code preference}, so every instance
 * reads the same copy of each shard and gets the same scores (copies can differ in segment statistics).
 *
 * <p>Writes are buffered and sent in bulk requests, one at a time from the ingesting thread (which is the
 * back-pressure); requests or items refused for load (429) or unavailability (5xx, a node gone) are retried
 * with exponential back-off, on another node when one is down. A write is acknowledged by OpenSearch only
 * once every in-sync copy has it, so with one replica the loss of a node loses no acknowledged article.
 */
public final class OpenSearchIndex implements ArticleIndex {

    private static final Logger LOG = Logger.getLogger(OpenSearchIndex.class);

    /** Every search reads the shard copies this string selects, so instances agree on scores. */
    private static final String PREFERENCE = "footnote";
    private static final int PAGE = 2000;
    private static final long MAX_BULK_BYTES = 8L << 20;
    private static final int CACHE_ENTRIES = 20_000;
    /** Keyword field of article records: the title in lower case, for the listing's title filter. */
    private static final String LIST_TITLE = "listTitle";
    /** The {@code _source} fields of an article record that make its listing line. */
    private static final String ENTRY_FIELDS =
            "[\"docId\",\"sentenceCount\",\"chunkCount\",\"article.title\",\"article.date\",\"article.source\"]";
    private static final String CHUNK_FIELDS = "[\"docId\",\"hash\",\"ord\",\"first\",\"last\",\"start\",\"end\"]";

    /** Connection and layout settings ({@code footnote.opensearch.*}). */
    public record Settings(List<String> hosts, Optional<String> username, Optional<String> password, String index,
                           int shards, int replicas, boolean serverHybrid, Duration timeout, int maxRetries,
                           int bulkArticles, Duration cacheTtl) {
    }

    private record Cached(IndexedDocument document, long readAt) {
    }

    /** A buffered change: an upsert ({@code document} set) or a deletion. */
    private record Pending(String id, IndexedDocument document, List<float[]> vectors) {
    }

    private final Settings settings;
    private final int dimension;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final List<Pending> pending = new ArrayList<>();
    /** Articles read from (or sent to) the cluster, with when; bounded, and safe to share between threads. */
    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(CACHE_ENTRIES).build();
    private final Map<String, double[]> idfCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    /** Search pipelines created (or found) in the cluster, by RRF rank constant. */
    private final Set<Integer> pipelines = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Whether the index maps {@link #LIST_TITLE}: false for an index created before that field, which the
     * strict mapping would refuse; such an index lists by filtering {@link #documents()} until it is rebuilt.
     */
    private volatile boolean titleIndexed;

    private OpenSearchIndex(Settings settings, int dimension) {
        this.settings = settings;
        this.dimension = dimension;
        List<HttpHost> hosts = new ArrayList<>();
        for (String h : settings.hosts()) {
            try {
                hosts.add(HttpHost.create(h.strip()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("footnote.opensearch.hosts: not a URL: " + h, e);
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("footnote.opensearch.hosts names no host");
        }
        List<Header> headers = new ArrayList<>();
        settings.username().ifPresent(u -> headers.add(new BasicHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + settings.password().orElse("")).getBytes(StandardCharsets.UTF_8)))));
        Timeout timeout = Timeout.ofMilliseconds(settings.timeout().toMillis());
        this.transport = ApacheHttpClient5TransportBuilder.builder(hosts.toArray(HttpHost[]::new))
                .setDefaultHeaders(headers.toArray(Header[]::new))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(timeout).setResponseTimeout(timeout))
                .setFailureListener(new ApacheHttpClient5Transport.FailureListener() {
                    @Override
                    public void onFailure(org.opensearch.client.transport.httpclient5.internal.Node node) {
                        // Reported, not fatal: the transport marks the node dead and sends requests to the others.
                        LOG.warnf("OpenSearch node %s failed a request; trying the other nodes", node.getHost());
                    }
                })
                .build();
        this.client = new OpenSearchGenericClient(transport);
    }

    /**
     * Connects to the cluster and makes sure the index exists with this mapping. {@code signature} names
     * everything that shapes the indexed data (as for {@link LuceneIndex#open}): an index built under another
     * signature is deleted and recreated empty, and the next ingest rebuilds it.
     */
    public static OpenSearchIndex open(Settings settings, String signature, int dimension) {
        OpenSearchIndex index = new OpenSearchIndex(settings, dimension);
        try {
            index.prepare(signature);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    private void prepare(String signature) {
        JsonNode existing = call("GET", "/" + settings.index() + "/_mapping", Map.of(), null, 404);
        if (existing != null) {
            String built = existing.path(settings.index()).path("mappings").path("_meta").path("signature").asText(null);
            if (signature.equals(built)) {
                titleIndexed = mapsListTitle(existing);
                return;
            }
            LOG.infof("OpenSearch index %s was built as [%s]; rebuilding it as [%s]", settings.index(), built, signature);
            call("DELETE", "/" + settings.index(), Map.of(), null, 404);
        }
        ObjectNode body = json.createObjectNode();
        ObjectNode idx = body.putObject("settings").putObject("index");
        idx.put("number_of_shards", settings.shards());
        idx.put("number_of_replicas", settings.replicas());
        idx.put("knn", true);
        ObjectNode mappings = body.putObject("mappings");
        mappings.putObject("_meta").put("signature", signature);
        mappings.put("dynamic", "strict");
        ObjectNode p = mappings.putObject("properties");
        for (String k : List.of("kind", "docId", "hash", LIST_TITLE)) {
            p.putObject(k).put("type", "keyword");
        }
        p.putObject("ord").put("type", "integer");
        p.putObject("sentenceCount").put("type", "integer");
        p.putObject("chunkCount").put("type", "integer");
        for (String k : List.of("first", "last", "start", "end")) {
            p.putObject(k).put("type", "integer").put("index", false);
        }
        // "english" is Lucene's EnglishAnalyzer, the analyzer of the embedded index and of analyze() here.
        p.putObject("text").put("type", "text").put("analyzer", "english");
        p.putObject("title").put("type", "text").put("analyzer", "english");
        ObjectNode vector = p.putObject("vector");
        vector.put("type", "knn_vector").put("dimension", dimension);
        // Lucene engine: same HNSW (and defaults M=16, beam 100) as the embedded index; the k-NN plugin
        // published on Maven Central has no native libraries, so faiss would not even start.
        ObjectNode method = vector.putObject("method");
        method.put("name", "hnsw").put("engine", "lucene").put("space_type", "cosinesimil");
        method.putObject("parameters").put("m", 16).put("ef_construction", 100);
        p.putObject("article").put("type", "object").put("enabled", false);
        try {
            call("PUT", "/" + settings.index(), Map.of("wait_for_active_shards", "1"), bytes(body));
            titleIndexed = true;
        } catch (OpenSearchException e) {
            if (!"resource_already_exists_exception".equals(e.type())) {
                throw e;
            }
            // Another instance created it at the same moment, under the same signature (perhaps an older
            // version of this class, without the listing field).
            titleIndexed = mapsListTitle(call("GET", "/" + settings.index() + "/_mapping", Map.of(), null));
        }
    }

    private boolean mapsListTitle(JsonNode mapping) {
        return mapping.path(settings.index()).path("mappings").path("properties").has(LIST_TITLE);
    }

    /**
     * The search pipeline of the server-side hybrid query with rank constant {@code k} (neural-search's RRF
     * score ranker), created on first use; putting the same definition again is harmless, so instances
     * sharing the cluster need no coordination.
     */
    private String pipeline(int k) {
        String name = "footnote-rrf-" + k;
        if (pipelines.add(k)) {
            String body = "{\"description\":\"Footnote: reciprocal rank fusion of BM25 and k-NN\","
                    + "\"phase_results_processors\":[{\"score-ranker-processor\":{\"combination\":"
                    + "{\"technique\":\"rrf\",\"rank_constant\":" + k + "}}}]}";
            try {
                call("PUT", "/_search/pipeline/" + name, Map.of(), body.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                pipelines.remove(k);
                throw e;
            }
        }
        return name;
    }

    // ---------------------------------------------------------------------------------------------- writes

    @Override
    public synchronized void upsert(IndexedDocument d, List<float[]> chunkVectors) {
        if (chunkVectors.size() != d.chunks().size()) {
            throw new IllegalArgumentException("one vector per chunk expected for " + d.document().id());
        }
        pending.add(new Pending(d.document().id(), d, List.copyOf(chunkVectors)));
        if (pending.size() >= settings.bulkArticles()) {
            flush();
        }
    }

    @Override
    public synchronized void delete(String documentId) {
        pending.add(new Pending(documentId, null, null));
        if (pending.size() >= settings.bulkArticles()) {
            flush();
        }
    }

    @Override
    public synchronized void commit() {
        flush();
        call("POST", "/" + settings.index() + "/_refresh", Map.of(), null);
    }

    /** Sends the buffered changes, in order, removing chunks a shorter new version no longer has. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Integer> chunkCounts = storedChunkCounts(pending.stream().map(Pending::id).distinct().toList());
        List<byte[]> actions = new ArrayList<>();
        try {
            for (Pending op : pending) {
                int before = chunkCounts.getOrDefault(op.id(), 0);
                if (op.document() == null) {
                    actions.add(deleteAction("doc:" + op.id()));
                    for (int i = 0; i < before; i++) {
                        actions.add(deleteAction(chunkId(op.id(), i)));
                    }
                    chunkCounts.put(op.id(), 0);
                    continue;
                }
                IndexedDocument d = op.document();
                Document doc = d.document();
                for (Chunk c : d.chunks()) {
                    ObjectNode src = json.createObjectNode();
                    src.put("kind", "chunk").put("docId", doc.id()).put("hash", doc.contentHash()).put("ord", c.ordinal())
                            .put("first", c.firstSentence()).put("last", c.lastSentence())
                            .put("start", c.start()).put("end", c.end())
                            .put("text", doc.text().substring(c.start(), c.end())).put("title", doc.title());
                    ArrayNode v = src.putArray("vector");
                    for (float f : op.vectors().get(c.ordinal())) {
                        v.add(f);
                    }
                    actions.add(indexAction(chunkId(doc.id(), c.ordinal()), src));
                }
                for (int i = d.chunks().size(); i < before; i++) {
                    actions.add(deleteAction(chunkId(doc.id(), i)));
                }
                actions.add(indexAction("doc:" + doc.id(), articleSource(d))); // last: marks the chunks complete
                chunkCounts.put(doc.id(), d.chunks().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bulk(actions);
        for (Pending op : pending) {
            if (op.document() == null) {
                cache.invalidate(op.id());
            } else {
                cache.put(op.id(), new Cached(op.document(), System.nanoTime()));
            }
        }
        pending.clear();
        idfCache.clear();
    }

    private Map<String, Integer> storedChunkCounts(List<String> ids) {
        Map<String, Integer> out = new HashMap<>();
        ObjectNode body = json.createObjectNode();
        ArrayNode docs = body.putArray("docs");
        for (String id : ids) {
            docs.addObject().put("_id", "doc:" + id).putArray("_source").add("chunkCount").add("docId");
        }
        JsonNode r = call("POST", "/" + settings.index() + "/_mget", Map.of(), bytes(body));
        for (JsonNode d : r.path("docs")) {
            if (d.path("found").asBoolean(false)) {
                out.put(d.path("_source").path("docId").asText(), d.path("_source").path("chunkCount").asInt());
            }
        }
        return out;
    }

    /** The article's {@code _source}: the {@link ArticleCodec} fields, spans and runs as JSON int arrays. */
    private ObjectNode articleSource(IndexedDocument d) {
        ArticleCodec.Encoded e = ArticleCodec.encode(d);
        ObjectNode src = json.createObjectNode();
        src.put("kind", "doc").put("docId", e.id()).put("hash", e.hash())
                .put("sentenceCount", e.spans().length / 2).put("chunkCount", e.runs().length / 2);
        if (titleIndexed) {
            src.put(LIST_TITLE, e.title().toLowerCase(Locale.ROOT));
        }
        ObjectNode a = src.putObject("article");
        a.put("title", e.title()).put("source", e.source()).put("text", e.text());
        if (e.date() != null) {
            a.put("date", e.date());
        }
        ArrayNode spans = a.putArray("sentences");
        for (int v : e.spans()) {
            spans.add(v);
        }
        ArrayNode runs = a.putArray("chunks");
        for (int v : e.runs()) {
            runs.add(v);
        }
        // Sentence vectors are only read back, never searched: packed floats, not a JSON array of numbers.
        a.put("vectors", Base64.getEncoder().encodeToString(e.vectors()));
        return src;
    }

    private IndexedDocument fromSource(JsonNode src) {
        JsonNode a = src.path("article");
        return ArticleCodec.decode(new ArticleCodec.Encoded(src.path("docId").asText(), a.path("title").asText(),
                a.path("date").asText(null), a.path("source").asText(), src.path("hash").asText(),
                a.path("text").asText(), ints(a.path("sentences")), ints(a.path("chunks")),
                Base64.getDecoder().decode(a.path("vectors").asText())), dimension);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static String chunkId(String documentId, int ordinal) {
        return "chunk:" + documentId + ":" + ordinal;
    }

    private byte[] indexAction(String id, ObjectNode source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode meta = json.createObjectNode();
        meta.putObject("index").put("_id", id);
        out.write(json.writeValueAsBytes(meta));
        out.write('\n');
        out.write(json.writeValueAsBytes(source));
        out.write('\n');
        return out.toByteArray();
    }

    private byte[] deleteAction(String id) throws IOException {
        ObjectNode meta = json.createObjectNode();
        meta.putObject("delete").put("_id", id);
        byte[] b = json.writeValueAsBytes(meta);
        byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
        out[b.length] = '\n';
        return out;
    }

    /**
     * Sends actions in bulk requests of at most {@link #MAX_BULK_BYTES}; items refused for load or a missing
     * shard copy are sent again after a back-off, up to {@code maxRetries} times. Any other refusal fails.
     */
    private void bulk(List<byte[]> actions) {
        int from = 0;
        while (from < actions.size()) {
            int to = from;
            long size = 0;
            while (to < actions.size() && (to == from || size + actions.get(to).length <= MAX_BULK_BYTES)) {
                size += actions.get(to++).length;
            }
            List<byte[]> batch = actions.subList(from, to);
            for (int attempt = 0; ; attempt++) {
                List<byte[]> failed = new ArrayList<>();
                String reason = null;
                try {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    for (byte[] a : batch) {
                        body.write(a);
                    }
                    int status;
                    JsonNode result;
                    try (Response r = client.execute(Requests.builder().method("POST").endpoint("/" + settings.index() + "/_bulk")
                            .body(Body.from(body.toByteArray(), "application/x-ndjson")).build())) {
                        status = r.getStatus();
                        result = read(r);
                    }
                    if (status == 429 || status >= 500) {
                        failed = batch;
                        reason = "HTTP " + status;
                    } else if (status >= 400) {
                        throw new IllegalStateException("OpenSearch refused a bulk request: " + result);
                    } else if (result.path("errors").asBoolean(false)) {
                        JsonNode items = result.path("items");
                        for (int i = 0; i < items.size(); i++) {
                            JsonNode item = items.get(i).elements().next();
                            int itemStatus = item.path("status").asInt();
                            if (itemStatus == 429 || itemStatus >= 500) {
                                failed.add(batch.get(i));
                                reason = item.path("error").toString();
                            } else if (itemStatus >= 400 && !(itemStatus == 404 && items.get(i).has("delete"))) {
                                throw new IllegalStateException("OpenSearch refused " + item.path("_id").asText()
                                        + ": " + item.path("error"));
                            }
                        }
                    }
                } catch (IOException e) {
                    failed = batch; // the request as a whole: resending is safe, every id is deterministic
                    reason = e.toString();
                }
                if (failed.isEmpty()) {
                    break;
                }
                if (attempt >= settings.maxRetries()) {
                    throw new UncheckedIOException(new IOException("OpenSearch did not take " + failed.size()
                            + " bulk actions after " + (attempt + 1) + " attempts: " + reason));
                }
                retries.incrementAndGet();
                long wait = Math.min(30_000, 250L << attempt);
                LOG.warnf("OpenSearch refused %d of %d bulk actions (%s); retrying in %d ms", failed.size(),
                        batch.size(), reason, wait);
                sleep(wait);
                batch = failed;
            }
            from = to;
        }
    }

    /** Bulk actions sent again since this index was opened (refused for load, or a node unavailable). */
    public long bulkRetries() {
        return retries.get();
    }

    // ----------------------------------------------------------------------------------------------- reads

    @Override
    public Map<String, String> contentHashes() {
        Map<String, String> out = new HashMap<>();
        scanArticles("[\"docId\",\"hash\"]", src -> out.put(src.path("docId").asText(), src.path("hash").asText()));
        synchronized (this) {
            for (Pending op : pending) {
                if (op.document() == null) {
                    out.remove(op.id());
                } else {
                    out.put(op.id(), op.document().document().contentHash());
                }
            }
        }
        return out;
    }

    @Override
    public Optional<IndexedDocument> document(String id) {
        synchronized (this) {
            for (int i = pending.size() - 1; i >= 0; i--) {
                if (pending.get(i).id().equals(id)) {
                    return Optional.ofNullable(pending.get(i).document());
                }
            }
        }
        Cached c = cache.getIfPresent(id);
        if (c != null && System.nanoTime() - c.readAt() < settings.cacheTtl().toNanos()) {
            return Optional.of(c.document());
        }
        return Optional.ofNullable(read(List.of(id)).get(id));
    }

    /** Reads articles from the cluster (one request) and caches them. */
    private Map<String, IndexedDocument> read(Collection<String> ids) {
        Map<String, IndexedDocument> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode docs = body.putArray("docs");
        for (String id : ids) {
            docs.addObject().put("_id", "doc:" + id);
        }
        JsonNode r = call("POST", "/" + settings.index() + "/_mget", Map.of("preference", PREFERENCE), bytes(body));
        long now = System.nanoTime();
        for (JsonNode d : r.path("docs")) {
            if (d.path("found").asBoolean(false)) {
                IndexedDocument doc = fromSource(d.path("_source"));
                out.put(doc.document().id(), doc);
                cache.put(doc.document().id(), new Cached(doc, now));
            }
        }
        for (String id : ids) {
            if (!out.containsKey(id)) {
                cache.invalidate(id);
            }
        }
        return out;
    }

    /** The articles as the cluster holds them (writes not yet sent are not listed), ordered by id. */
    @Override
    public List<Entry> documents() {
        List<Entry> out = new ArrayList<>();
        scanArticles(ENTRY_FIELDS, src -> out.add(entry(src)));
        return out; // the scan is sorted by docId
    }

    /**
     * One search request per page: the article records, filtered by title in the cluster (a wildcard on the
     * lower-cased {@link #LIST_TITLE}), sorted by id, from after {@code afterId} ({@code search_after}), with
     * the total of matches. Like {@link #documents()}, it lists what the cluster holds: writes not yet sent
     * are not seen. An index created before the title field pages by filtering {@link #documents()}.
     */
    @Override
    public Page page(Optional<String> afterId, int limit, String titleContains) {
        if (!titleIndexed) {
            return ArticleIndex.super.page(afterId, limit, titleContains);
        }
        ObjectNode body = json.createObjectNode();
        body.put("size", limit + 1).put("track_total_hits", true);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("kind", "doc");
        String needle = titleContains == null ? "" : titleContains.strip().toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            filter.addObject().putObject("wildcard").putObject(LIST_TITLE).put("value", "*" + escapeWildcard(needle) + "*");
        }
        body.putArray("sort").addObject().put("docId", "asc");
        afterId.ifPresent(id -> body.putArray("search_after").add(id));
        try {
            body.set("_source", json.readTree(ENTRY_FIELDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode r = call("POST", "/" + settings.index() + "/_search", Map.of("preference", PREFERENCE), bytes(body));
        List<Entry> fetched = new ArrayList<>();
        for (JsonNode h : r.path("hits").path("hits")) {
            fetched.add(entry(h.path("_source")));
        }
        return Page.of(fetched, limit, r.path("hits").path("total").path("value").asLong());
    }

    private static Entry entry(JsonNode src) {
        JsonNode a = src.path("article");
        String date = a.path("date").asText(null);
        return new Entry(src.path("docId").asText(), a.path("title").asText(),
                date == null ? null : LocalDate.parse(date), a.path("source").asText(),
                src.path("sentenceCount").asInt(), src.path("chunkCount").asInt());
    }

    /** The text matched literally inside a wildcard pattern. */
    private static String escapeWildcard(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public Stats stats() {
        String body = "{\"size\":0,\"track_total_hits\":true,\"query\":{\"term\":{\"kind\":\"doc\"}},"
                + "\"aggs\":{\"sentences\":{\"sum\":{\"field\":\"sentenceCount\"}},\"chunks\":{\"sum\":{\"field\":\"chunkCount\"}}}}";
        JsonNode r = call("POST", "/" + settings.index() + "/_search", Map.of(), body.getBytes(StandardCharsets.UTF_8));
        return new Stats(r.path("hits").path("total").path("value").asInt(),
                (int) r.path("aggregations").path("sentences").path("value").asDouble(),
                (int) r.path("aggregations").path("chunks").path("value").asDouble());
    }

    /** Visits the {@code _source} fields {@code fields} of every article record, in document id order. */
    private void scanArticles(String fields, java.util.function.Consumer<JsonNode> visit) {
        JsonNode after = null;
        while (true) {
            ObjectNode body = json.createObjectNode();
            body.put("size", PAGE);
            body.putObject("query").putObject("term").put("kind", "doc");
            body.putArray("sort").addObject().put("docId", "asc");
            try {
                body.set("_source", json.readTree(fields));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = call("POST", "/" + settings.index() + "/_search", Map.of(), bytes(body)).path("hits").path("hits");
            for (JsonNode h : hits) {
                visit.accept(h.path("_source"));
                after = h.path("sort");
            }
            if (hits.size() < PAGE) {
                return;
            }
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<ChunkHit> searchText(String text, int n) {
        ObjectNode query = textQuery(analyze(text));
        if (query == null) {
            return List.of();
        }
        return search(query, n, Map.of());
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int n) {
        return search(knnQuery(vector, n), n, Map.of());
    }

    /** Fused in the cluster (neural-search's RRF) when {@code footnote.opensearch.hybrid=server}. */
    @Override
    public Optional<List<ChunkHit>> searchHybrid(String text, float[] vector, int candidates, int rrfK) {
        return settings.serverHybrid() ? Optional.of(fuseInCluster(text, vector, candidates, rrfK)) : Optional.empty();
    }

    private List<ChunkHit> fuseInCluster(String text, float[] vector, int candidates, int rrfK) {
        ObjectNode textQuery = textQuery(analyze(text));
        if (textQuery == null) {
            // Nothing for BM25: the fused list is the k-NN list, scored as fusion would score it.
            List<ChunkHit> knn = searchVector(vector, candidates);
            List<ChunkHit> out = new ArrayList<>(knn.size());
            for (int i = 0; i < knn.size(); i++) {
                out.add(new ChunkHit(knn.get(i).chunk(), 1f / (rrfK + i + 1)));
            }
            return out;
        }
        ObjectNode hybrid = json.createObjectNode();
        ArrayNode queries = hybrid.putObject("hybrid").putArray("queries");
        queries.add(textQuery);
        queries.add(knnQuery(vector, candidates));
        return search(hybrid, candidates, Map.of("search_pipeline", pipeline(rrfK)));
    }

    private ObjectNode textQuery(List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        ObjectNode q = json.createObjectNode();
        ObjectNode bool = q.putObject("bool");
        bool.putArray("filter").addObject().putObject("term").put("kind", "chunk");
        ArrayNode should = bool.putArray("should");
        for (String t : terms) {
            should.addObject().putObject("term").putObject("text").put("value", t);
            should.addObject().putObject("term").putObject("title").put("value", t).put("boost", Bm25.TITLE_BOOST);
        }
        bool.put("minimum_should_match", 1);
        return q;
    }

    private ObjectNode knnQuery(float[] vector, int k) {
        ObjectNode q = json.createObjectNode();
        ObjectNode knn = q.putObject("knn").putObject("vector");
        ArrayNode v = knn.putArray("vector");
        for (float f : vector) {
            v.add(f);
        }
        knn.put("k", k);
        return q;
    }

    /**
     * Runs a chunk search and maps the hits onto the current version of their articles: a hit whose article
     * is gone or of another version (between two writes of another instance) is skipped.
     */
    private List<ChunkHit> search(ObjectNode query, int n, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("preference", PREFERENCE);
        JsonNode hits = call("POST", "/" + settings.index() + "/_search", all, bytes(searchBody(query, n)))
                .path("hits").path("hits");
        return hits(List.of(hits)).get(0);
    }

    private ObjectNode searchBody(ObjectNode query, int n) {
        ObjectNode body = json.createObjectNode();
        body.put("size", n);
        body.set("query", query);
        try {
            body.set("_source", json.readTree(CHUNK_FIELDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body;
    }

    /** BM25 and k-NN in one multi-search request. */
    @Override
    public Both searchBoth(String text, float[] vector, int n) {
        ObjectNode textQuery = textQuery(analyze(text));
        if (textQuery == null) {
            return new Both(List.of(), searchVector(vector, n));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (ObjectNode q : List.of(textQuery, knnQuery(vector, n))) {
                ObjectNode header = json.createObjectNode();
                header.put("index", settings.index()).put("preference", PREFERENCE);
                body.write(json.writeValueAsBytes(header));
                body.write('\n');
                body.write(json.writeValueAsBytes(searchBody(q, n)));
                body.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode responses = call("POST", "/_msearch", Map.of(), body.toByteArray(), "application/x-ndjson")
                .path("responses");
        List<JsonNode> lists = new ArrayList<>();
        for (JsonNode r : responses) {
            if (r.has("error")) {
                throw new OpenSearchException("OpenSearch search failed: " + r.path("error"), r.path("status").asInt(),
                        r.path("error").path("type").asText(""));
            }
            lists.add(r.path("hits").path("hits"));
        }
        List<List<ChunkHit>> hits = hits(lists);
        return new Both(hits.get(0), hits.get(1));
    }

    /**
     * Maps search hits onto the current version of their articles, reading (in one request) those not cached
     * at the hit's version: a hit whose article is gone or of another version is skipped.
     */
    private List<List<ChunkHit>> hits(List<JsonNode> lists) {
        // An article written but not yet sent is, to document(), its unsent version (or gone): a hit on the
        // version the cluster still holds must not be mapped onto it, so those articles are judged by what is
        // pending, never by the cluster's copy.
        Map<String, Optional<IndexedDocument>> unsent = new HashMap<>();
        synchronized (this) {
            for (Pending op : pending) {
                unsent.put(op.id(), Optional.ofNullable(op.document()));
            }
        }
        Set<String> stale = new LinkedHashSet<>();
        Map<String, IndexedDocument> current = new HashMap<>();
        for (JsonNode hits : lists) {
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                String id = s.path("docId").asText();
                if (unsent.containsKey(id)) {
                    continue;
                }
                Cached c = cache.getIfPresent(id);
                if (c != null && c.document().document().contentHash().equals(s.path("hash").asText())) {
                    current.put(id, c.document());
                } else {
                    stale.add(id);
                }
            }
        }
        current.putAll(read(stale));
        long now = System.nanoTime();
        // The search has just confirmed these versions are current: they count as freshly read.
        current.forEach((id, d) -> cache.put(id, new Cached(d, now)));
        unsent.forEach((id, d) -> d.ifPresent(doc -> current.put(id, doc)));
        List<List<ChunkHit>> out = new ArrayList<>();
        for (JsonNode hits : lists) {
            List<ChunkHit> list = new ArrayList<>(hits.size());
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                String id = s.path("docId").asText();
                IndexedDocument d = current.get(id);
                if (d == null || !d.document().contentHash().equals(s.path("hash").asText())) {
                    continue;
                }
                list.add(new ChunkHit(new Chunk(id, s.path("ord").asInt(), s.path("first").asInt(), s.path("last").asInt(),
                        s.path("start").asInt(), s.path("end").asInt()), (float) h.path("_score").asDouble()));
            }
            out.add(list);
        }
        return out;
    }

    /**
     * Analysed here with Lucene's {@link EnglishAnalyzer}, which is what the mapping's {@code english}
     * analyzer is: the same terms without a round trip per sentence (sentence ranking analyses dozens).
     */
    @Override
    public List<String> analyze(String text) {
        return AnalyzedTerms.of(analyzer, "text", text);
    }

    @Override
    public double idf(String term) {
        return idf(List.of(term)).get(term);
    }

    /**
     * Document frequencies over the whole index (every shard) in one request, cached until this instance
     * writes or {@code cacheTtl} passes: they move slowly, and a stale value only nudges sentence weights.
     */
    @Override
    public Map<String, Double> idf(Collection<String> terms) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        long now = System.nanoTime();
        for (String t : terms) {
            double[] c = idfCache.get(t);
            if (c != null && now - (long) c[1] < settings.cacheTtl().toNanos()) {
                out.put(t, c[0]);
            } else if (!missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            ObjectNode body = json.createObjectNode();
            body.put("size", 0).put("track_total_hits", true);
            body.putObject("query").putObject("term").put("kind", "chunk");
            ObjectNode aggs = body.putObject("aggs");
            for (int i = 0; i < missing.size(); i++) {
                aggs.putObject("t" + i).putObject("filter").putObject("term").put("text", missing.get(i));
            }
            JsonNode r = call("POST", "/" + settings.index() + "/_search", Map.of("preference", PREFERENCE), bytes(body));
            long n = r.path("hits").path("total").path("value").asLong();
            for (int i = 0; i < missing.size(); i++) {
                long df = r.path("aggregations").path("t" + i).path("doc_count").asLong();
                double idf = Bm25.idf(n, df);
                idfCache.put(missing.get(i), new double[] {idf, now});
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String t : terms) {
            ordered.put(t, out.containsKey(t) ? out.get(t) : idfCache.get(t)[0]);
        }
        return ordered;
    }

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
            JsonNode h = call("GET", "/_cluster/health/" + settings.index(), Map.of("timeout", "2s"), null);
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
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("closing the OpenSearch client", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One REST call; statuses in {@code tolerated} return null, other errors throw with OpenSearch's reason. */
    private JsonNode call(String method, String path, Map<String, String> params, byte[] body, int... tolerated) {
        return call(method, path, params, body, "application/json", tolerated);
    }

    private JsonNode call(String method, String path, Map<String, String> params, byte[] body, String contentType,
                          int... tolerated) {
        Requests.JsonBodyBuilder b = Requests.builder().method(method).endpoint(path).query(params);
        if (body != null) {
            b.body(Body.from(body, contentType));
        }
        Request request = b.build();
        try (Response r = client.execute(request)) {
            for (int t : tolerated) {
                if (r.getStatus() == t) {
                    return null;
                }
            }
            JsonNode result = read(r);
            if (r.getStatus() >= 400) {
                throw new OpenSearchException("OpenSearch " + method + " " + path + " failed with HTTP " + r.getStatus()
                        + ": " + result.path("error"), r.getStatus(), result.path("error").path("type").asText(""));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch " + method + " " + path + " failed on every node", e);
        }
    }

    private JsonNode read(Response r) throws IOException {
        Optional<Body> body = r.getBody();
        if (body.isEmpty()) {
            return json.createObjectNode();
        }
        try (Body b = body.get()) {
            return json.readTree(b.body());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a bulk request", e);
        }
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
