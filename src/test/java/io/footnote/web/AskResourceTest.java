package io.footnote.web;

import io.footnote.support.Ready;
import io.footnote.support.SeedCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AskResourceTest {

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    private static JsonPath ask(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/ask")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** The cited text must be exactly the document's text at the citation's offsets. */
    private static void assertResolves(Map<String, Object> citation) {
        JsonPath doc = given().get("/api/documents/" + citation.get("documentId")).then().statusCode(200)
                .extract().jsonPath();
        String text = doc.getString("text");
        int start = (Integer) citation.get("start");
        int end = (Integer) citation.get("end");
        int index = (Integer) citation.get("sentenceIndex");
        assertEquals(text.substring(start, end), citation.get("text"));
        assertEquals(start, doc.getInt("sentences[" + index + "].start"));
        assertEquals(end, doc.getInt("sentences[" + index + "].end"));
    }

    @Test
    void answers_with_citation_to_supporting_sentence() {
        // when
        JsonPath answer = ask(Map.of("question", "How many deportations to China did ICE complete?"));

        // then the answer states the fact and citation 1 is the sentence that says it
        assertEquals("extractive", answer.getString("mode"));
        assertFalse(answer.getBoolean("abstained"));
        assertTrue(answer.getString("answer").contains("288"), answer.getString("answer"));
        assertTrue(answer.getString("answer").contains("[1]"));
        Map<String, Object> first = answer.getMap("citations[0]");
        assertEquals(1, first.get("id"));
        assertEquals(SeedCorpus.DINAN, first.get("documentId"));
        assertEquals("U.S. Immigration and Customs Enforcement said it completed just 288 deportations back to China.",
                first.get("text"));
        assertResolves(first);
        // in extractive mode support is the calibrated answerability, above the decline threshold, not 1.0
        double support = ((Number) first.get("support")).doubleValue();
        assertTrue(support >= 0.37 && support < 1.0, "support " + support);
        assertTrue(answer.getList("related").isEmpty());
    }

    @Test
    void given_a_how_many_question_when_answered_then_the_citation_highlights_the_number_it_supplies() {
        // when
        JsonPath answer = ask(Map.of("question", "How many deportations to China did ICE complete?"));

        // then the one highlight, in document offsets like start and end, covers "288" and nothing else
        int start = answer.getInt("citations[0].start");
        String text = answer.getString("citations[0].text");
        List<Map<String, Integer>> highlights = answer.getList("citations[0].highlights");
        assertEquals(1, highlights.size(), highlights.toString());
        assertEquals("288", text.substring(highlights.get(0).get("start") - start, highlights.get(0).get("end") - start));
    }

    @Test
    void given_a_quote_running_across_two_sentences_when_asked_then_both_sentences_are_cited() {
        JsonPath answer = ask(Map.of("question", "What is China's principle on repatriation, and whom will it accept?"));

        List<String> cited = answer.getList("citations.text");
        int open = cited.indexOf(cited.stream().filter(t -> t.contains("verify first and then repatriate"))
                .findFirst().orElseThrow(() -> new AssertionError(cited.toString())));
        assertTrue(cited.get(open + 1).startsWith("We will accept Chinese citizens"), cited.toString());
        answer.<Map<String, Object>>getList("citations").forEach(AskResourceTest::assertResolves);
    }

    @Test
    void given_an_article_without_a_headline_when_asked_who_its_lead_names_then_the_lead_sentence_is_cited_first() {
        // given the seed article that opens with its lead sentence, no headline (only a date line before it)
        // when asked who the person it introduces is
        JsonPath answer = ask(Map.of("question", "Who is Mao Ning?"));

        // then the lead, which says who she is, comes first: it is not held against it as if it were a headline
        Map<String, Object> first = answer.getMap("citations[0]");
        assertEquals(SeedCorpus.MAO, first.get("documentId"));
        assertEquals(0, first.get("sentenceIndex"));
        assertTrue(((String) first.get("text")).startsWith("Chinese Foreign Ministry spokeswoman Mao Ning"),
                first.get("text").toString());
        assertResolves(first);
    }

    @Test
    void answers_from_the_dated_article_with_its_date() {
        JsonPath answer = ask(Map.of("question", "What tariffs did Trump threaten to put on Colombia?"));

        Map<String, Object> first = answer.getMap("citations[0]");
        assertEquals(SeedCorpus.MAO, first.get("documentId"));
        assertEquals("2025-01-28", first.get("date"));
        assertTrue(((String) first.get("text")).contains("25-percent tariffs"), (String) first.get("text"));
        for (Map<String, Object> c : answer.<Map<String, Object>>getList("citations")) {
            assertResolves(c);
        }
    }

    @Test
    void abstains_on_question_the_articles_do_not_cover() {
        for (String q : List.of("Who won the 2022 FIFA World Cup?", "What is the capital of France?",
                "How do I bake sourdough bread?")) {
            JsonPath answer = ask(Map.of("question", q));

            assertTrue(answer.getBoolean("abstained"), q + " → " + answer.getString("answer"));
            assertTrue(answer.getList("citations").isEmpty());
            assertFalse(answer.getString("answer").contains("["));
            // the closest passages are shown apart from the citations, each an exact sentence of its article
            List<Map<String, Object>> related = answer.getList("related");
            assertFalse(related.isEmpty(), q + " has no related passages");
            related.forEach(AskResourceTest::assertResolves);
            // and titled as citations are: the short display title the documents API gives
            for (Map<String, Object> r : related) {
                assertEquals(given().get("/api/documents/" + r.get("documentId")).jsonPath().getString("title"),
                        r.get("title"));
            }
        }
    }

    @Test
    void rewrites_follow_up_with_history() {
        JsonPath answer = ask(Map.of("question", "What did she say about repatriation?",
                "history", List.of(
                        Map.of("role", "user", "content", "What did the Chinese Foreign Ministry spokeswoman Mao Ning say?"),
                        Map.of("role", "assistant", "content", "She said China will accept repatriation [1]"))));

        assertEquals("What did she say about repatriation?", answer.getString("question"));
        assertTrue(answer.getString("rewrittenQuestion").contains("Mao Ning"));
        assertEquals(SeedCorpus.MAO, answer.getString("citations[0].documentId"));
        assertTrue(answer.getString("answer").toLowerCase().contains("repatriat"));
    }

    @Test
    void top_k_limits_the_chunks_considered() {
        JsonPath answer = ask(Map.of("question", "What did Chen advise Chinese migrants?", "topK", 1));

        assertTrue(answer.getString("citations[0].text").startsWith("Chen advised Chinese migrants"));
    }

    @Test
    void rejects_blank_missing_and_overlong_questions() {
        for (Object body : List.of(Map.of("question", "   "), Map.of("history", List.of()), Map.of(),
                Map.of("question", "x".repeat(2001)))) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/ask")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("detail", containsString("'question'"));
        }
    }

    @Test
    void rejects_malformed_json_with_problem_detail() {
        given().contentType(ContentType.JSON).body("{\"question\": \"unterminated")
                .when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("The request body is not valid JSON"));
        given().contentType(ContentType.JSON).body("{\"question\": [1, 2]}")
                .when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("question"));
        for (String notText : List.of("42", "4.2", "true")) {
            given().contentType(ContentType.JSON).body("{\"question\": " + notText + "}")
                    .when().post("/api/ask")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("question"));
        }
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rejects_bad_history_and_top_k() {
        given().contentType(ContentType.JSON)
                .body(Map.of("question", "Who?", "history", List.of(Map.of("role", "system", "content", "x"))))
                .when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("history[0].role"));
        given().contentType(ContentType.JSON).body(Map.of("question", "Who?", "topK", 0))
                .when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("topK"));
        given().contentType(ContentType.JSON).body("{\"question\": \"Who?\", \"topK\": \"many\"}")
                .when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("topK"));
    }

    @Test
    void rejects_wrong_content_type() {
        given().contentType(ContentType.TEXT).body("How many?")
                .when().post("/api/ask")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
