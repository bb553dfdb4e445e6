package io.footnote.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.index.ArticleLookup;
import io.footnote.index.IndexedDocument;
import io.footnote.index.OpenSearchIndex;
import io.footnote.support.OpenSearchCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listing's title field on indexes of both ages: a new index stores it on every article record, and one
 * created before it existed (its strict mapping would refuse the field) keeps taking writes and still pages.
 */
class OpenSearchListingIT {

    private static final int DIMENSION = 4;
    private static final String SIGNATURE = "listing";
    private final ObjectMapper json = new ObjectMapper();
    private final OpenSearchCluster cluster = OpenSearchCluster.shared();

    @Test
    void given_a_new_index_when_articles_are_written_then_their_records_carry_the_lower_cased_title() throws Exception {
        // given
        String name = "listing-new-" + System.nanoTime();
        try (OpenSearchIndex index = open(name)) {
            // when
            writeArticles(index);

            // then
            JsonNode source = json.readTree(cluster.request("GET", "/" + name + "/_doc/doc:b", null).body()).path("_source");
            assertEquals("the harbour festival", source.path("listTitle").asText());
            assertPagesByTitle(index);
        }
    }

    @Test
    void given_an_index_created_before_the_title_field_when_articles_are_written_then_it_takes_them_and_pages() throws Exception {
        // given: the mapping this class creates, less the listing field, under the same signature
        String template = "listing-template-" + System.nanoTime();
        open(template).close();
        ObjectNode mappings = (ObjectNode) json.readTree(cluster.request("GET", "/" + template + "/_mapping", null).body())
                .path(template).path("mappings");
        assertTrue(mappings.path("properties").has("listTitle"), "the template maps the field it is stripped of");
        ((ObjectNode) mappings.path("properties")).remove("listTitle");
        ObjectNode body = json.createObjectNode();
        body.putObject("settings").putObject("index").put("knn", true).put("number_of_shards", 1).put("number_of_replicas", 1);
        body.set("mappings", mappings);
        String name = "listing-old-" + System.nanoTime();
        int created = cluster.request("PUT", "/" + name, json.writeValueAsString(body)).statusCode();
        assertEquals(200, created);

        try (OpenSearchIndex index = open(name)) {
            // when
            writeArticles(index);

            // then
            JsonNode source = json.readTree(cluster.request("GET", "/" + name + "/_doc/doc:b", null).body()).path("_source");
            assertFalse(source.has("listTitle"), "nothing the old mapping would refuse is written");
            assertEquals("The Harbour Festival", index.document("b").orElseThrow().document().title());
            assertPagesByTitle(index);
        }
    }

    private OpenSearchIndex open(String name) {
        return OpenSearchIndex.open(new OpenSearchIndex.Settings(Arrays.asList(cluster.hosts().split(",")),
                Optional.empty(), Optional.empty(), name, 1, 1, false, Duration.ofSeconds(30), 3, 50,
                Duration.ofSeconds(5)), SIGNATURE, DIMENSION);
    }

    private static void writeArticles(OpenSearchIndex index) {
        index.upsert(article("a", "River Market", "The river market."), List.of(new float[] {1, 0, 0, 0}));
        index.upsert(article("b", "The Harbour Festival", "A harbour festival."), List.of(new float[] {0, 1, 0, 0}));
        index.upsert(article("c", "Harbour Council", "The harbour council."), List.of(new float[] {0, 0, 1, 0}));
        index.commit();
    }

    /** "HARBOUR" names b and c; one a page, b first, then c, with the total on both. */
    private static void assertPagesByTitle(OpenSearchIndex index) {
        ArticleLookup.Page first = index.page(Optional.empty(), 1, "HARBOUR");
        assertEquals(List.of("b"), first.entries().stream().map(ArticleLookup.Entry::id).toList());
        assertEquals(2, first.total());
        ArticleLookup.Page second = index.page(first.next(), 1, "HARBOUR");
        assertEquals(List.of("c"), second.entries().stream().map(ArticleLookup.Entry::id).toList());
        assertEquals(2, second.total());
        assertTrue(second.next().isEmpty());
        assertEquals(3, index.page(Optional.empty(), 10, "").total());
    }

    private static IndexedDocument article(String id, String title, String text) {
        Document doc = new Document(id, title, null, text, List.of(new Sentence(0, 0, text.length())), id + ".txt",
                "h-" + id);
        return new IndexedDocument(doc, List.of(new Chunk(id, 0, 0, 0, 0, text.length())),
                new float[][] {{0.5f, 0.5f, 0.5f, 0.5f}});
    }
}
