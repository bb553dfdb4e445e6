package io.footnote.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;

import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;

/**
 * How {@link OpenSearchIndex} lays an article out as OpenSearch records, and reads them back: one article
 * record ({@code _id} {@code doc:<id>}: the {@link ArticleCodec} fields under {@code article}, kept in
 * {@code _source} and not indexed; id, hash and counts as fields; the lower-cased title as a keyword for the
 * listing) and one chunk record per chunk ({@code _id} {@code chunk:<id>:<ordinal>}: BM25 text, title, vector
 * and the chunk's sentence run). Ids derive from the article, so writing it again overwrites.
 */
final class OpenSearchRecords {

    /** Keyword field of article records: the title in lower case, for the listing's title filter. */
    static final String LIST_TITLE = "listTitle";
    /** The {@code _source} fields of an article record that make its listing line. */
    static final String ENTRY_FIELDS =
            "[\"docId\",\"sentenceCount\",\"chunkCount\",\"article.title\",\"article.date\",\"article.source\"]";
    /** The {@code _source} fields of an article record that give its version. */
    static final String HASH_FIELDS = "[\"docId\",\"hash\",\"article.stamp\"]";
    /** The {@code _source} fields of a chunk record that map a search hit onto its chunk. */
    static final String CHUNK_FIELDS = "[\"docId\",\"hash\",\"ord\",\"first\",\"last\",\"start\",\"end\"]";

    private final ObjectMapper json;
    private final int dimension;
    private final boolean titleIndexed;

    /**
     * @param titleIndexed whether the index maps {@link #LIST_TITLE}: an index created before that field
     *                     would refuse article records carrying it
     */
    OpenSearchRecords(ObjectMapper json, int dimension, boolean titleIndexed) {
        this.json = json;
        this.dimension = dimension;
        this.titleIndexed = titleIndexed;
    }

    /** Whether article records carry {@link #LIST_TITLE} (so the listing can filter in the cluster). */
    boolean titleIndexed() {
        return titleIndexed;
    }

    static String articleId(String documentId) {
        return "doc:" + documentId;
    }

    static String chunkId(String documentId, int ordinal) {
        return "chunk:" + documentId + ":" + ordinal;
    }

    /** The chunk record of chunk {@code c} of {@code doc}, with its vector. */
    ObjectNode chunkSource(Document doc, Chunk c, float[] vector) {
        ObjectNode src = json.createObjectNode();
        src.put("kind", "chunk").put("docId", doc.id()).put("hash", doc.contentHash()).put("ord", c.ordinal())
                .put("first", c.firstSentence()).put("last", c.lastSentence())
                .put("start", c.start()).put("end", c.end())
                .put("text", doc.text().substring(c.start(), c.end())).put("title", doc.title());
        ArrayNode v = src.putArray("vector");
        for (float f : vector) {
            v.add(f);
        }
        return src;
    }

    /** The article's {@code _source}: the {@link ArticleCodec} fields, spans and runs as JSON int arrays. */
    ObjectNode articleSource(IndexedDocument d) {
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
        if (e.stamp() != null) {
            stampSource(a, e.stamp());
        }
        // Sentence vectors are only read back, never searched: packed floats, not a JSON array of numbers.
        a.put("vectors", Base64.getEncoder().encodeToString(e.vectors()));
        return src;
    }

    /** The article an article record's whole {@code _source} holds. */
    IndexedDocument article(JsonNode src) {
        JsonNode a = src.path("article");
        return ArticleCodec.decode(new ArticleCodec.Encoded(src.path("docId").asText(), a.path("title").asText(),
                a.path("date").asText(null), a.path("source").asText(), src.path("hash").asText(),
                a.path("text").asText(), ints(a.path("sentences")), ints(a.path("chunks")),
                Base64.getDecoder().decode(a.path("vectors").asText()), null), dimension);
    }

    /**
     * Puts {@code stamp} into {@code article}, the unindexed {@code article} object of an article record (so no
     * mapping holds it, and indexes created before stamps take it as they are).
     */
    static ObjectNode stampSource(ObjectNode article, FileStamp stamp) {
        article.putObject("stamp").put("size", stamp.size()).put("modified", stamp.modified());
        return article;
    }

    /** The version an article record read with {@link #HASH_FIELDS} holds. */
    static ArticleStore.Version version(JsonNode src) {
        JsonNode stamp = src.path("article").path("stamp");
        return new ArticleStore.Version(src.path("hash").asText(), stamp.isObject()
                ? new FileStamp(stamp.path("size").asLong(), stamp.path("modified").asLong()) : null);
    }

    /** The listing line of an article record read with {@link #ENTRY_FIELDS}. */
    static ArticleLookup.Entry entry(JsonNode src) {
        JsonNode a = src.path("article");
        String date = a.path("date").asText(null);
        return new ArticleLookup.Entry(src.path("docId").asText(), a.path("title").asText(),
                date == null ? null : LocalDate.parse(date), a.path("source").asText(),
                src.path("sentenceCount").asInt(), src.path("chunkCount").asInt());
    }

    /** The chunk a search hit (read with {@link #CHUNK_FIELDS}) names, with its score. */
    static ChunkHit hit(JsonNode hit) {
        JsonNode s = hit.path("_source");
        return new ChunkHit(new Chunk(s.path("docId").asText(), s.path("ord").asInt(), s.path("first").asInt(),
                s.path("last").asInt(), s.path("start").asInt(), s.path("end").asInt()),
                (float) hit.path("_score").asDouble());
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
