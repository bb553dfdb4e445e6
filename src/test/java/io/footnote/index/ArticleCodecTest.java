package io.footnote.index;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleCodecTest {

    @Test
    void given_an_article_when_encoded_and_decoded_then_it_is_the_same_article() {
        IndexedDocument a = CodecSamples.article("c1", 8);
        IndexedDocument back = ArticleCodec.decode(ArticleCodec.encode(a), 8);
        assertEquals(a.document(), back.document());
        assertEquals(a.chunks(), back.chunks());
        for (int i = 0; i < a.sentenceVectors().length; i++) {
            assertArrayEquals(a.sentenceVectors()[i], back.sentenceVectors()[i], 1e-6f);
        }
    }

    @Test
    void given_random_unit_vectors_when_stored_in_8_bits_then_components_and_dot_products_barely_move() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int round = 0; round < 50; round++) {
            // given unit vectors of a random dimension, and a query
            int dimension = 1 + r.nextInt(512);
            float[][] vectors = new float[1 + r.nextInt(20)][];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = unit(r, dimension);
            }
            float[] query = unit(r, dimension);

            // when quantized and read back
            float[][] back = ArticleCodec.vectors(ArticleCodec.quantized(vectors), vectors.length, dimension);

            // then each component is within half a step of its vector's scale, and the ranker's dot product with it
            // moves by far less than the gaps it ranks on
            for (int i = 0; i < vectors.length; i++) {
                float max = 0;
                for (float x : vectors[i]) {
                    max = Math.max(max, Math.abs(x));
                }
                assertArrayEquals(vectors[i], back[i], max / 254 + 1e-6f, "seed " + seed);
                double error = Math.abs(VectorUtil.dotProduct(query, vectors[i]) - VectorUtil.dotProduct(query, back[i]));
                assertTrue(error < 0.01, "seed " + seed + ": dot product moved by " + error);
            }
            assertEquals(vectors.length * (4 + dimension), ArticleCodec.quantized(vectors).length);
        }
    }

    @Test
    void given_an_index_written_with_float_vectors_when_read_then_they_come_back_exactly() {
        float[][] vectors = {{0.6f, -0.8f, 0f}, {0f, 0f, 1f}};

        float[][] back = ArticleCodec.vectors(floatLayout(vectors), 2, 3);

        assertArrayEquals(vectors[0], back[0]);
        assertArrayEquals(vectors[1], back[1]);
        assertThrows(IllegalArgumentException.class, () -> ArticleCodec.vectors(new byte[5], 2, 3));
    }

    /** The layout indexes written before 8-bit vectors hold: packed big-endian floats. */
    private static byte[] floatLayout(float[][] vectors) {
        ByteBuffer b = ByteBuffer.allocate(vectors.length * vectors[0].length * Float.BYTES);
        for (float[] v : vectors) {
            for (float x : v) {
                b.putFloat(x);
            }
        }
        return b.array();
    }

    private static float[] unit(Random r, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) r.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Test
    void idf_is_lucenes_bm25_idf_and_falls_as_terms_get_common() {
        assertEquals(Math.log(1 + (10 - 1 + 0.5) / 1.5), Bm25.idf(10, 1), 1e-12);
        assertEquals(Math.log(1 + 0.5 / 1.5), Bm25.idf(0, 1), 1e-12);
        assertEquals(true, Bm25.idf(100, 90) < Bm25.idf(100, 2));
    }
}
