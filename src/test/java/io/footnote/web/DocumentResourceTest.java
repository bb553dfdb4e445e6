package io.footnote.web;

import io.footnote.support.Ready;
import io.footnote.support.SeedCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DocumentResourceTest {

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void lists_the_seed_articles_with_counts_and_dates() {
        JsonPath list = given().get("/api/documents").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of(SeedCorpus.MAO, SeedCorpus.DINAN), list.getList("id"));
        assertEquals("2025-01-28", list.getString("[0].date"));
        assertEquals(25, list.getInt("[0].sentences"));
        assertEquals(18, list.getInt("[1].sentences"));
        assertTrue(list.getInt("[0].chunks") > 1);
    }

    @Test
    void given_limit_one_when_following_the_cursor_then_each_page_holds_the_next_article_and_the_last_has_no_cursor() {
        // given / when
        io.restassured.response.Response first = given().queryParam("limit", 1).get("/api/documents");
        first.then().statusCode(200).header("X-Total-Count", "2").header("Link", containsString("rel=\"next\""));
        String cursor = first.header("X-Next-Cursor");
        io.restassured.response.Response second = given().queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/documents");

        // then
        assertEquals(List.of(SeedCorpus.MAO), first.jsonPath().getList("id"));
        assertEquals(List.of(SeedCorpus.DINAN), second.jsonPath().getList("id"));
        assertEquals(null, second.header("X-Next-Cursor"), "the last page has no way on");
        assertEquals("2", second.header("X-Total-Count"));
    }

    @Test
    void given_a_title_filter_when_listing_then_only_matching_titles_are_counted_and_listed() {
        String title = given().get("/api/documents/" + SeedCorpus.DINAN).jsonPath().getString("title");
        String word = title.split(" ")[3].toUpperCase();

        io.restassured.response.Response page = given().queryParam("q", word).get("/api/documents");

        page.then().statusCode(200).header("X-Total-Count", "1");
        assertEquals(List.of(SeedCorpus.DINAN), page.jsonPath().getList("id"));
    }

    @Test
    void given_a_bad_limit_or_cursor_when_listing_then_400_problem_says_what_was_wrong() {
        for (String limit : List.of("0", "1001", "ten")) {
            given().queryParam("limit", limit).get("/api/documents")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("limit"));
        }
        given().queryParam("cursor", "%%%").get("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cursor"));
    }

    @Test
    void serves_cleaned_text_with_sentence_offsets() {
        JsonPath doc = given().get("/api/documents/" + SeedCorpus.DINAN).then().statusCode(200).extract().jsonPath();

        String text = doc.getString("text");
        assertFalse(text.contains("can be reached at"), "author contact line is not content");
        assertFalse(text.contains("comment policy"), "comment policy is not content");
        List<Map<String, Integer>> sentences = doc.getList("sentences");
        assertEquals(text.length(), sentences.get(sentences.size() - 1).get("end"));
        assertTrue(doc.getString("title").startsWith("A top Chinese official demanded"));
    }

    @Test
    void unknown_document_is_a_404_problem() {
        given().get("/api/documents/no-such-doc")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-doc"));
    }

    @Test
    void given_the_seed_articles_when_listed_then_titles_are_short_and_the_full_title_is_kept() {
        JsonPath list = given().get("/api/documents").then().statusCode(200).extract().jsonPath();

        for (int i = 0; i < 2; i++) {
            String title = list.getString("[" + i + "].title");
            String full = list.getString("[" + i + "].fullTitle");
            assertTrue(title.length() <= 81, title);
            assertTrue(full.length() > title.length(), full);
            assertTrue(full.startsWith(title.replace("…", "")), title + " / " + full);
        }
        JsonPath doc = given().get("/api/documents/" + SeedCorpus.DINAN).then().statusCode(200).extract().jsonPath();
        assertEquals(list.getString("[1].title"), doc.getString("title"));
        assertEquals(list.getString("[1].fullTitle"), doc.getString("fullTitle"));
    }

    @Test
    void given_the_seed_articles_when_the_corpus_is_described_then_its_suggestions_are_answered() {
        JsonPath corpus = given().get("/api/corpus").then().statusCode(200).extract().jsonPath();

        assertEquals(2, corpus.getInt("articles"));
        assertEquals("2025-01-28", corpus.getString("latest"));
        List<String> suggestions = corpus.getList("suggestions");
        assertFalse(suggestions.isEmpty());
        for (String question : suggestions) {
            JsonPath answer = given().contentType("application/json").body(Map.of("question", question))
                    .post("/api/ask").then().statusCode(200).extract().jsonPath();
            assertFalse(answer.getBoolean("abstained"), question);
        }
    }

    @Test
    void health_ready_and_openapi_are_served() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'index' }.data.documents", equalTo(2))
                .body("checks.find { it.name == 'index' }.data.backend", equalTo("lucene"))
                .body("checks.find { it.name == 'llm' }.data.provider", equalTo("none"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/ask"));
    }
}
