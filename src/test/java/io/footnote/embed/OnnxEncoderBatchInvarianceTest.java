package io.footnote.embed;

import dev.langchain4j.data.segment.TextSegment;
import io.footnote.support.DefaultModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A text's vector must not depend on which texts are embedded with it. all-MiniLM-L6-v2-q quantises its
 * activations with one scale per tensor, so padded batches (several texts in one inference) would break this:
 * vectors moved by up to 0.03 per component, cosine 0.984 (see {@code io.footnote.bench.EmbeddingCostBenchmark}),
 * for no CPU saved. This test would catch such batching being added.
 */
class OnnxEncoderBatchInvarianceTest {

    private static final float TOLERANCE = 1e-6f;
    private static final String[] WORDS = {"the", "bank", "raised", "interest", "rates", "by", "0.25%", "on",
            "Thursday", "after", "inflation", "rose", "to", "3.2", "per", "cent", "Chelsea", "signed", "a",
            "striker", "for", "£15.8m", "club's", "chairman", "said", "—", "record", "fee", "government",
            "announced", "plans", "cut", "emissions", "while", "critics", "warned", "it", "was", "not",
            "enough", "Ronaldo's", "goal", "in", "second", "half", "décor", "naïve", "well-known"};

    private static final OnnxEncoder encoder = DefaultModel.encoder();

    @Test
    void texts_of_mixed_lengths_embedded_together_equal_each_embedded_alone() {
        long seed = System.nanoTime();
        System.out.println("OnnxEncoderBatchInvarianceTest texts seed=" + seed);
        Random random = new Random(seed);
        List<TextSegment> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add(TextSegment.from(sentence(random, 1 + random.nextInt(random.nextBoolean() ? 12 : 160))));
        }

        List<float[]> together = encoder.embedAll(texts).content().stream().map(e -> e.vector()).toList();

        for (int i = 0; i < texts.size(); i++) {
            float[] alone = encoder.embedAll(List.of(texts.get(i))).content().getFirst().vector();
            assertClose(alone, together.get(i), "seed " + seed + ", text " + i);
        }
    }

    @Test
    void chunks_and_their_sentences_embedded_together_equal_each_chunk_embedded_alone() {
        long seed = System.nanoTime();
        System.out.println("OnnxEncoderBatchInvarianceTest chunks seed=" + seed);
        Random random = new Random(seed);
        List<OnnxEncoder.ChunkText> chunks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            chunks.add(chunk(random, 1 + random.nextInt(5)));
        }

        List<OnnxEncoder.ChunkVectors> together = encoder.embedChunks(chunks);

        assertEquals(chunks.size(), together.size());
        for (int i = 0; i < chunks.size(); i++) {
            OnnxEncoder.ChunkVectors alone = encoder.embedChunks(List.of(chunks.get(i))).getFirst();
            String where = "seed " + seed + ", chunk " + i;
            assertClose(alone.chunk(), together.get(i).chunk(), where);
            assertEquals(alone.sentences().length, together.get(i).sentences().length, where);
            for (int s = 0; s < alone.sentences().length; s++) {
                if (alone.sentences()[s] == null) { // cut off by the model's window: the caller embeds it alone
                    assertNull(together.get(i).sentences()[s], where + ", sentence " + s);
                } else {
                    assertClose(alone.sentences()[s], together.get(i).sentences()[s], where + ", sentence " + s);
                }
            }
        }
    }

    /** Sentences of 3–20 words joined by one space, with their spans (a long one may run past the window). */
    private static OnnxEncoder.ChunkText chunk(Random random, int sentences) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[sentences];
        int[] ends = new int[sentences];
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                text.append(' ');
            }
            starts[s] = text.length();
            text.append(sentence(random, 3 + random.nextInt(18)));
            ends[s] = text.length();
        }
        return new OnnxEncoder.ChunkText(text.toString(), starts, ends);
    }

    private static String sentence(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.append('.').toString();
    }

    private static void assertClose(float[] expected, float[] actual, String where) {
        assertEquals(expected.length, actual.length, where);
        float max = 0;
        for (int d = 0; d < expected.length; d++) {
            max = Math.max(max, Math.abs(expected[d] - actual[d]));
        }
        assertTrue(max <= TOLERANCE, where + ": max |difference| " + max);
    }
}
