package io.footnote.ingest;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.embed.EmbeddingModels;
import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkerTest {

    /** One token per word, plus [CLS] and [SEP], like a word-piece tokenizer on plain words. */
    private static final TokenCountEstimator WORDS = new TokenCountEstimator() {
        @Override
        public int estimateTokenCountInText(String text) {
            return text.split("\\s+").length + 2;
        }

        @Override
        public int estimateTokenCountInMessage(ChatMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
            throw new UnsupportedOperationException();
        }
    };

    private static Document docOf(List<Integer> sentenceWords) {
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < sentenceWords.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            int start = text.length();
            for (int w = 0; w < sentenceWords.get(i); w++) {
                text.append(w == 0 ? "" : " ").append("w").append(i);
            }
            text.append('.');
            sentences.add(new Sentence(i, start, text.length()));
        }
        return new Document("d", "t", null, text.toString(), sentences, "d.txt", "h");
    }

    @Test
    void chunks_are_whole_sentences_within_budget_with_one_sentence_overlap() {
        Random random = new Random(42);
        Chunker chunker = new Chunker(WORDS, 50, 1);
        for (int round = 0; round < 300; round++) {
            List<Integer> words = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                words.add(1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 25));
            }
            Document doc = docOf(words);

            List<Chunk> chunks = chunker.chunk(doc);

            assertEquals(0, chunks.get(0).firstSentence());
            assertEquals(n - 1, chunks.get(chunks.size() - 1).lastSentence());
            for (int c = 0; c < chunks.size(); c++) {
                Chunk chunk = chunks.get(c);
                assertEquals(c, chunk.ordinal());
                assertEquals(doc.sentences().get(chunk.firstSentence()).start(), chunk.start());
                assertEquals(doc.sentences().get(chunk.lastSentence()).end(), chunk.end());
                int tokens = 2;
                for (int s = chunk.firstSentence(); s <= chunk.lastSentence(); s++) {
                    tokens += words.get(s);
                }
                assertTrue(tokens <= 50 || chunk.firstSentence() == chunk.lastSentence(),
                        "only a lone long sentence may exceed the budget");
                if (c > 0) {
                    Chunk prev = chunks.get(c - 1);
                    assertTrue(chunk.firstSentence() > prev.firstSentence(), "progress");
                    assertTrue(chunk.firstSentence() <= prev.lastSentence() + 1, "no sentence skipped");
                    if (prev.lastSentence() > prev.firstSentence()) {
                        assertEquals(prev.lastSentence(), chunk.firstSentence(), "one sentence of overlap");
                    }
                }
            }
        }
    }

    @Test
    void seed_chunks_fit_the_minilm_window() {
        EmbeddingModels.Known model = EmbeddingModels.Known.ALL_MINILM_L6_V2_Q;
        TokenCountEstimator tokens = EmbeddingModels.tokenCounter(model);
        ArticleReader reader = new ArticleReader(DocumentFormats.standard(), new ArticleCleaner(), new SentenceSplitter());
        Document doc = reader.read("000_82ae95fbb479be6d.txt", SeedCorpus.raw(SeedCorpus.MAO).getBytes());

        List<Chunk> chunks = new Chunker(tokens, 120, 1).chunk(doc);

        assertTrue(chunks.size() >= 5, "a 25-sentence article makes several chunks");
        for (Chunk c : chunks) {
            assertTrue(tokens.estimateTokenCountInText(doc.text().substring(c.start(), c.end())) <= 128,
                    "chunk " + c.ordinal() + " would be truncated by the model");
        }
    }

    @Test
    void the_model_token_counter_counts_the_text_a_chat_message_carries() {
        // given the model's own tokenizer
        TokenCountEstimator tokens = EmbeddingModels.tokenCounter(EmbeddingModels.Known.byName("all-minilm-l6-v2-q"));
        String question = "How many deportations to China did ICE complete?";
        String answer = "ICE completed just 288 deportations back to China.";

        // when it counts messages instead of plain text
        int user = tokens.estimateTokenCountInMessage(dev.langchain4j.data.message.UserMessage.from(question));
        int ai = tokens.estimateTokenCountInMessage(dev.langchain4j.data.message.AiMessage.from(answer));
        int both = tokens.estimateTokenCountInMessages(List.of(
                dev.langchain4j.data.message.UserMessage.from(question),
                dev.langchain4j.data.message.AiMessage.from(answer)));

        // then each message counts as its text, and a conversation as the sum of its messages
        assertEquals(tokens.estimateTokenCountInText(question), user);
        assertEquals(tokens.estimateTokenCountInText(answer), ai);
        assertEquals(user + ai, both);
        assertTrue(user > 5, "word pieces counted: " + user);
    }
}
