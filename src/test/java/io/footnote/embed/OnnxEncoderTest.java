package io.footnote.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.footnote.support.DefaultModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxEncoderTest {

    private static final OnnxEncoder encoder = DefaultModel.encoder();

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void embeds_exactly_like_langchain4j_including_texts_longer_than_the_window() {
        EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("Shares rose.",
                "Chelsea paid \u00a315.8m for the striker \u2013 a \u201crecord\u201d fee for the club, its chairman said.",
                "The harbour bridge reopened on Thursday. ".repeat(60)); // ~480 tokens: truncated at 128 by both

        List<dev.langchain4j.data.embedding.Embedding> all = encoder.embedAll(
                texts.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList()).content();

        for (int i = 0; i < texts.size(); i++) {
            double cos = cosine(all.get(i).vector(), reference.embed(texts.get(i)).content().vector());
            assertTrue(cos > 0.9999, "cosine " + cos + " for text " + i);
        }
    }

    @Test
    void text_beyond_512_tokens_is_embedded_by_langchain4j_splitting_it() {
        OnnxEncoder bge = EmbeddingModels.load(EmbeddingModels.Known.BGE_SMALL_EN_V15_Q, DefaultModel.executor()); // no truncation
        EmbeddingModel reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        String text = "The harbour bridge reopened on Thursday after months of repairs. ".repeat(60);

        double cos = cosine(bge.embed(text).content().vector(), reference.embed(text).content().vector());

        assertTrue(cos > 0.9999, "cosine " + cos);
    }

    @Test
    void sentence_vectors_pooled_from_a_chunk_are_unit_length_and_closest_to_their_own_sentence() {
        List<String> sentences = List.of("Arsenal beat Chelsea two goals to one in the cup final.",
                "The finance minister cut income tax in the annual budget.",
                "Heavy snow closed the mountain roads overnight.");
        String text = String.join(" ", sentences);
        int[] starts = new int[3];
        int[] ends = new int[3];
        for (int i = 0, at = 0; i < 3; i++) {
            starts[i] = text.indexOf(sentences.get(i), at);
            ends[i] = starts[i] + sentences.get(i).length();
            at = ends[i];
        }

        OnnxEncoder.ChunkVectors v = encoder.embedChunks(List.of(new OnnxEncoder.ChunkText(text, starts, ends))).get(0);

        assertTrue(cosine(v.chunk(), encoder.embed(text).content().vector()) > 0.9999, "chunk vector as embed()");
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, cosine(v.sentences()[i], v.sentences()[i]) * norm(v.sentences()[i]), 1e-4);
            float[] alone = encoder.embed(sentences.get(i)).content().vector();
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    assertTrue(cosine(v.sentences()[i], alone) > cosine(v.sentences()[j], alone),
                            "sentence " + i + " pooled from the chunk is nearest its own standalone embedding");
                }
            }
        }
    }

    @Test
    void a_cls_pooled_model_does_not_pool_sentences_from_chunks() {
        OnnxEncoder bge = EmbeddingModels.load(EmbeddingModels.Known.BGE_SMALL_EN_V15_Q, DefaultModel.executor());

        assertFalse(bge.pooledSentences());
        assertThrows(IllegalStateException.class,
                () -> bge.embedChunks(List.of(new OnnxEncoder.ChunkText("A b.", new int[]{0}, new int[]{4}))));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
