package io.footnote.eval;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.footnote.domain.ScoredSentence;
import io.footnote.llm.CitationPrompt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The oracle reader's own server, as the evaluation runs it, answering LangChain4j's real OpenAI client. */
class OracleReaderServerTest {

    private static final List<ScoredSentence> SOURCES = List.of(
            new ScoredSentence("d", 0, 0, 22, "Ferries leave at nine.", 0.9, 0.9, 0.9),
            new ScoredSentence("d", 1, 23, 46, "Tickets cost ten euros.", 0.8, 0.8, 0.8));

    private static String ask(OracleReader oracle, Set<String> supporting) {
        oracle.expect(supporting);
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(oracle.baseUrl()).apiKey("oracle")
                .modelName(OracleReader.MODEL).maxRetries(0).build();
        var messages = new CitationPrompt(id -> Optional.empty(), 12, 0.25).messages("How much is a ticket?", SOURCES);
        return model.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text();
    }

    @Test
    void copies_the_supporting_sentence_with_its_marker_when_the_prompt_numbers_it() {
        try (OracleReader oracle = OracleReader.start()) {
            assertEquals("Tickets cost ten euros. [2]", ask(oracle, Set.of("Tickets  cost ten euros.")));
        }
    }

    @Test
    void answers_no_answer_when_the_prompt_lacks_it() {
        try (OracleReader oracle = OracleReader.start()) {
            assertEquals(CitationPrompt.NO_ANSWER, ask(oracle, Set.of("Ferries leave at ten.")));
        }
    }
}
