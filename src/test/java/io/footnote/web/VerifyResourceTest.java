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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class VerifyResourceTest {

    private static final String ICE = "The agency met on Monday. U.S. Immigration and Customs Enforcement said it "
            + "completed just 288 deportations back to China. Officials gave no reason.";

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    private static JsonPath verify(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/verify")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static String refusal(Object body, int status) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/verify")
                .then().statusCode(status).contentType(startsWith("application/problem+json"))
                .extract().jsonPath().getString("detail");
    }

    @Test
    void given_a_supported_and_an_unsupported_claim_then_each_gets_its_verdict_and_evidence_offsets() {
        String answer = "ICE completed 288 deportations to China [1]. ICE completed 2,880 deportations to Mexico [1].";
        JsonPath r = verify(Map.of("answer", answer, "sources", List.of(Map.of("id", "1", "text", ICE))));

        assertTrue(r.getBoolean("claims[0].supported"));
        assertFalse(r.getBoolean("claims[1].supported"));
        assertEquals(List.of("ICE completed 2,880 deportations to Mexico."), r.getList("unsupportedClaims"));
        int start = r.getInt("claims[0].citations[0].evidence.start");
        int end = r.getInt("claims[0].citations[0].evidence.end");
        assertEquals(ICE.substring(start, end), r.getString("claims[0].citations[0].evidence.text"));
        assertTrue(r.getString("claims[0].citations[0].evidence.text").contains("288"));
        assertEquals("1", r.getString("claims[0].citations[0].source"));
        assertEquals(0, r.getInt("claims[0].start"));
        assertEquals(answer.indexOf(" ICE completed 2,880") + 1, r.getInt("claims[1].start"));
        double support = r.getDouble("claims[0].support");
        assertTrue(support >= 0.5 && support <= 1.0, "support " + support);
        assertEquals(0, r.getInt("removedMarkers"));
    }

    @Test
    void given_a_sentence_range_of_an_indexed_document_then_evidence_offsets_point_into_the_document() {
        JsonPath doc = given().get("/api/documents/" + SeedCorpus.DINAN).then().statusCode(200).extract().jsonPath();
        String text = doc.getString("text");
        int last = doc.getList("sentences").size() - 1;
        String quoted = doc.getString("sentences[13].text") != null ? doc.getString("sentences[13].text")
                : text.substring(doc.getInt("sentences[13].start"), doc.getInt("sentences[13].end"));

        JsonPath r = verify(Map.of("answer", quoted + " [1]", "sources", List.of(Map.of("id", "1",
                "documentId", SeedCorpus.DINAN, "sentences", List.of(10, Math.min(16, last))))));

        assertTrue(r.getBoolean("claims[0].supported"));
        assertEquals(doc.getInt("sentences[13].start"), r.getInt("claims[0].citations[0].evidence.start"));
        assertEquals(doc.getInt("sentences[13].end"), r.getInt("claims[0].citations[0].evidence.end"));
    }

    @Test
    void given_markers_naming_no_source_then_they_are_counted_and_the_claim_is_unsupported() {
        JsonPath r = verify(Map.of("answer", "ICE completed 288 deportations [4][5].",
                "sources", List.of(Map.of("id", "1", "text", ICE))));

        assertEquals(2, r.getInt("removedMarkers"));
        assertEquals(List.of(), r.getList("claims[0].citations"));
        assertEquals(1, r.getList("unsupportedClaims").size());
    }

    @Test
    void given_every_marker_form_of_the_answer_parser_then_each_cites_its_source() {
        JsonPath r = verify(Map.of("answer", "ICE completed 288 deportations 【1】. Officials gave no reason [Source 2].",
                "sources", List.of(Map.of("id", "1", "text", ICE), Map.of("id", "2", "text", ICE))));

        assertEquals("1", r.getString("claims[0].citations[0].source"));
        assertEquals("2", r.getString("claims[1].citations[0].source"));
        assertTrue(r.getBoolean("claims[1].supported"));
    }

    @Test
    void given_no_body_then_400_problem_saying_what_is_expected() {
        String detail = given().contentType(ContentType.JSON).body("null").post("/api/verify")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .extract().jsonPath().getString("detail");
        assertTrue(detail.contains("answer"), detail);
    }

    @Test
    void given_a_missing_answer_then_400_naming_the_field() {
        assertTrue(refusal(Map.of("sources", List.of()), 400).contains("'answer'"));
    }

    @Test
    void given_missing_sources_then_400_naming_the_field() {
        assertTrue(refusal(Map.of("answer", "A [1]."), 400).contains("'sources'"));
    }

    @Test
    void given_a_source_with_text_and_document_then_400_saying_exactly_one() {
        String detail = refusal(Map.of("answer", "A [1].", "sources", List.of(Map.of("id", "1", "text", "A.",
                "documentId", SeedCorpus.DINAN, "sentences", List.of(0, 1)))), 400);
        assertTrue(detail.contains("sources[0]") && detail.contains("exactly one"), detail);
    }

    @Test
    void given_repeated_ids_then_400_naming_the_repeat() {
        String detail = refusal(Map.of("answer", "A [1].", "sources", List.of(Map.of("id", "1", "text", "A."),
                Map.of("id", "1", "text", "B."))), 400);
        assertTrue(detail.contains("sources[1].id") && detail.contains("unique"), detail);
    }

    @Test
    void given_an_unknown_document_then_404_naming_it() {
        String detail = refusal(Map.of("answer", "A [1].", "sources", List.of(Map.of("id", "1",
                "documentId", "no-such-doc", "sentences", List.of(0, 0)))), 404);
        assertTrue(detail.contains("no-such-doc"), detail);
    }

    @Test
    void given_a_range_beyond_the_document_then_400_saying_how_many_sentences_it_has() {
        String detail = refusal(Map.of("answer", "A [1].", "sources", List.of(Map.of("id", "1",
                "documentId", SeedCorpus.DINAN, "sentences", List.of(0, 100)))), 400);
        assertTrue(detail.contains("sentences"), detail);
    }

    @Test
    void given_a_reversed_range_then_400() {
        String detail = refusal(Map.of("answer", "A [1].", "sources", List.of(Map.of("id", "1",
                "documentId", SeedCorpus.DINAN, "sentences", List.of(4, 2)))), 400);
        assertTrue(detail.contains("first ≤ last"), detail);
    }

    @Test
    void given_an_answer_over_the_limit_then_400_stating_the_limit() {
        String detail = refusal(Map.of("answer", "x".repeat(VerifyRequests.MAX_ANSWER + 1), "sources", List.of()), 400);
        assertTrue(detail.contains(Integer.toString(VerifyRequests.MAX_ANSWER)), detail);
    }

    @Test
    void given_too_many_sources_then_400_stating_the_limit() {
        List<Map<String, String>> sources = new java.util.ArrayList<>();
        for (int i = 0; i <= VerifyRequests.MAX_SOURCES; i++) {
            sources.add(Map.of("id", Integer.toString(i), "text", "A."));
        }
        String detail = refusal(Map.of("answer", "A [1].", "sources", sources), 400);
        assertTrue(detail.contains(Integer.toString(VerifyRequests.MAX_SOURCES)), detail);
    }

    @Test
    void given_a_wrong_type_then_400_naming_the_field() {
        given().contentType(ContentType.JSON).body("{\"answer\":\"A\",\"sources\":[{\"id\":\"1\",\"sentences\":\"3-4\"}]}")
                .post("/api/verify").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("sentences"));
    }

    @Test
    void is_described_in_the_openapi_document() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/verify"));
    }
}
