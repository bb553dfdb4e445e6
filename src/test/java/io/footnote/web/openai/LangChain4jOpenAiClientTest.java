package io.footnote.web.openai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.footnote.support.Ready;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LangChain4j's OpenAI chat models, pointed at Footnote's {@code /v1}, get cited answers. LangChain4j's API
 * shows only the text; the citations of the same conversation are checked on the wire.
 */
@QuarkusTest
class LangChain4jOpenAiClientTest {

    private static final String QUESTION = "How many unauthorized migrants from China did CBP encounter?";

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    private static String baseUrl() {
        return "http://localhost:" + RestAssured.port + "/v1";
    }

    private static OpenAiChatModel chatModel(String model) {
        return OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("not-needed").modelName(model)
                .timeout(Duration.ofSeconds(60)).maxRetries(0).build();
    }

    private static JsonPath sameConversationOnTheWire() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("model", "footnote", "messages", List.of(
                        Map.of("role", "system", "content", "Answer briefly."),
                        Map.of("role", "user", "content", QUESTION))))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void langchain4j_chat_model_gets_a_cited_answer() {
        // given LangChain4j's OpenAI chat model pointed at Footnote
        OpenAiChatModel model = chatModel("footnote");

        // when it is asked
        ChatResponse response = model.chat(SystemMessage.from("Answer briefly."), UserMessage.from(QUESTION));

        // then the answer cites its source sentence
        String text = response.aiMessage().text();
        assertTrue(text.contains("[1]") && text.contains("53,000"), text);
        assertTrue(response.tokenUsage().outputTokenCount() > 0);
        // and the same conversation on the wire carries the citations the markers number
        JsonPath wire = sameConversationOnTheWire();
        assertEquals(text, wire.getString("choices[0].message.content"));
        List<Map<String, Object>> citations = wire.getList("citations");
        assertFalse(citations.isEmpty());
        assertTrue(((String) citations.get(0).get("text")).contains("53,000"), wire.prettify());
        citations.forEach(OpenAiNpmClientTest::assertResolves);
    }

    @Test
    void langchain4j_streaming_chat_model_gets_the_same_cited_answer() throws Exception {
        // given LangChain4j's streaming OpenAI chat model pointed at Footnote
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl()).apiKey("not-needed")
                .modelName("footnote").timeout(Duration.ofSeconds(60)).build();
        StringBuilder partials = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        // when it is asked
        model.chat(List.of(SystemMessage.from("Answer briefly."), UserMessage.from(QUESTION)),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String partial) {
                        partials.append(partial);
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
        ChatResponse response = done.get(60, TimeUnit.SECONDS);

        // then the pieces make up the answer, which cites its source and equals the plain one
        String text = response.aiMessage().text();
        assertEquals(text, partials.toString());
        assertTrue(text.contains("[1]") && text.contains("53,000"), text);
        assertEquals(sameConversationOnTheWire().getString("choices[0].message.content"), text);
    }

    @Test
    void langchain4j_follow_up_is_answered_from_the_conversation() {
        // given a conversation whose last question only makes sense after the first
        OpenAiChatModel model = chatModel("footnote-extractive");

        // when the follow-up is asked with the history
        ChatResponse response = model.chat(UserMessage.from("How many deportations to China did ICE complete?"),
                AiMessage.from("ICE completed just 288 deportations back to China [1]."),
                UserMessage.from("And how many migrants from China did CBP encounter?"));

        // then the answer is about the follow-up, cited
        assertTrue(response.aiMessage().text().contains("53,000"), response.aiMessage().text());
        assertTrue(response.aiMessage().text().contains("[1]"));
    }

    @Test
    void langchain4j_meets_an_unknown_model_as_model_not_found() {
        OpenAiChatModel model = chatModel("gpt-4o");

        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> model.chat(QUESTION));

        assertTrue(e.getMessage().contains("model_not_found"), e.getMessage());
    }
}
