package io.footnote.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArticleCodecTest {

    @Test
    void given_an_article_when_encoded_and_decoded_then_it_is_the_same_article() {
        IndexedDocument a = CodecSamples.article("c1", 8);
        IndexedDocument back = ArticleCodec.decode(ArticleCodec.encode(a), 8);
        assertEquals(a.document(), back.document());
        assertEquals(a.chunks(), back.chunks());
        for (int i = 0; i < a.sentenceVectors().length; i++) {
            assertArrayEquals(a.sentenceVectors()[i], back.sentenceVectors()[i]);
        }
    }

    @Test
    void idf_is_lucenes_bm25_idf_and_falls_as_terms_get_common() {
        assertEquals(Math.log(1 + (10 - 1 + 0.5) / 1.5), Bm25.idf(10, 1), 1e-12);
        assertEquals(Math.log(1 + 0.5 / 1.5), Bm25.idf(0, 1), 1e-12);
        assertEquals(true, Bm25.idf(100, 90) < Bm25.idf(100, 2));
    }
}
