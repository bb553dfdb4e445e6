package io.footnote.web;

import io.footnote.support.Ready;
import io.footnote.support.SseEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AskStreamResourceTest {

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    record Event(String name, String data) {
    }

    static List<Event> parse(String body) {
        return SseEvents.parse(body).stream().map(e -> new Event(e.name(), e.data())).toList();
    }

    @Test
    void streams_tokens_then_done_with_the_full_answer() {
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("question", "How many unauthorized migrants from China did CBP encounter?"))
                .when().post("/api/ask/stream")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();

        List<Event> events = parse(body);

        assertTrue(events.size() >= 2, body);
        Event done = events.get(events.size() - 1);
        assertEquals("done", done.name());
        StringBuilder streamed = new StringBuilder();
        for (Event e : events.subList(0, events.size() - 1)) {
            assertEquals("token", e.name());
            streamed.append(new JsonPath(e.data()).getString("text"));
        }
        JsonPath answer = new JsonPath(done.data());
        assertEquals(answer.getString("answer"), streamed.toString());
        assertFalse(answer.getBoolean("abstained"));
        assertTrue(answer.getString("citations[0].text").contains("53,000"));
    }

    @Test
    void given_a_question_when_streamed_then_every_line_is_a_standard_sse_field() {
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("question", "How many deportations to China did ICE complete?"))
                .when().post("/api/ask/stream")
                .then().statusCode(200).extract().asString();

        List<String> fields = body.lines().filter(l -> !l.isEmpty())
                .map(l -> l.startsWith(":") ? ":" : l.substring(0, Math.max(0, l.indexOf(':'))))
                .distinct().toList();
        assertTrue(List.of("event", "data", "id", "retry", ":").containsAll(fields), "fields sent: " + fields);
        assertTrue(fields.contains("data"), body);
    }

    @Test
    void refuses_a_bad_request_before_streaming() {
        given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("question", ""))
                .when().post("/api/ask/stream")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'question'"));
    }
}
