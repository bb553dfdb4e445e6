package io.footnote.web.openai;

import io.footnote.support.NodeScript;
import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code openai} npm package (the version pinned in {@code src/test/node/openai-client}, installed
 * with {@code npm ci}) drives the started service: it lists the models, gets a plain and a streamed cited
 * answer, and meets an unknown model as its own typed error.
 */
@QuarkusTest
class OpenAiNpmClientTest {

    private static final String QUESTION = "How many deportations to China did ICE complete?";

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void openai_npm_client_gets_cited_answers_plain_and_streamed() {
        // given the client installed from npm
        NodeScript client = NodeScript.install("openai-client");

        // when it runs against the service
        String printed = client.node(Map.of(), "openai-client.mjs",
                "http://localhost:" + RestAssured.port + "/v1", QUESTION);
        JsonPath out = new JsonPath(printed);

        // then it saw both models
        assertTrue(out.getList("models").containsAll(List.of("footnote", "footnote-extractive")), printed);

        // and a plain completion with a cited answer, the citations resolving to the articles' text
        assertEquals("chat.completion", out.getString("plain.object"));
        assertTrue(out.getString("plain.id").startsWith("chatcmpl-"), printed);
        assertEquals("assistant", out.getString("plain.role"));
        assertEquals("stop", out.getString("plain.finishReason"));
        String content = out.getString("plain.content");
        assertTrue(content.contains("[1]") && content.contains("288"), content);
        List<Map<String, Object>> citations = out.getList("plain.citations");
        assertFalse(citations.isEmpty(), printed);
        citations.forEach(OpenAiNpmClientTest::assertResolves);
        assertTrue(out.getInt("plain.usage.completion_tokens") > 0, printed);

        // and it is the answer /api/ask gives to the same question
        JsonPath ask = given().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/ask").then().statusCode(200).extract().jsonPath();
        assertEquals(ask.getString("answer"), content);
        assertEquals(keys(ask.getList("citations")), keys(citations));

        // and the streamed deltas add up to the same answer, one completion id throughout, the citations last
        assertEquals(content, out.getString("stream.content"));
        assertEquals("assistant", out.getString("stream.firstRole"));
        assertEquals(1, out.getList("stream.ids").size(), printed);
        assertEquals(List.of("stop"), out.getList("stream.finishReasons"));
        assertEquals(citations, out.getList("stream.lastCitations"));
        assertEquals(out.getInt("plain.usage.total_tokens"), out.getInt("stream.lastUsage.total_tokens"));

        // and an unknown model surfaces as the client's NotFoundError
        assertEquals("NotFoundError", out.getString("unknownModel.error"), printed);
        assertTrue(out.getBoolean("unknownModel.isNotFoundError"));
        assertEquals(404, out.getInt("unknownModel.status"));
        assertEquals("model_not_found", out.getString("unknownModel.code"));
        assertEquals("model", out.getString("unknownModel.param"));
        assertEquals("invalid_request_error", out.getString("unknownModel.type"));
    }

    /** What identifies each citation (JavaScript prints 1.0 as 1, so the scores are left out). */
    static List<String> keys(List<Map<String, Object>> citations) {
        return citations.stream().map(c -> c.get("id") + "|" + c.get("documentId") + "|" + c.get("sentenceIndex") + "|"
                + c.get("start") + "|" + c.get("end") + "|" + c.get("text")).toList();
    }

    /** The cited text must be exactly the document's text at the citation's offsets. */
    static void assertResolves(Map<String, Object> citation) {
        String text = given().get("/api/documents/" + citation.get("documentId")).then().statusCode(200)
                .extract().jsonPath().getString("text");
        assertEquals(text.substring((Integer) citation.get("start"), (Integer) citation.get("end")),
                citation.get("text"));
    }
}
