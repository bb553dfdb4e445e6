package io.footnote.index;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one scheme both backends store an article by: its fields as strings, its sentence spans and chunk runs
 * as flat int pairs, and its sentence vectors in 8 bits ({@link #quantized}). A backend only chooses how to put
 * these on its medium (Lucene stored fields, an OpenSearch {@code _source}); {@link #decode} rebuilds the
 * same {@link IndexedDocument} from either.
 */
public final class ArticleCodec {

    private ArticleCodec() {
    }

    /**
     * An article in storable form.
     *
     * @param date    ISO date, or {@code null}
     * @param spans   {@code [start0, end0, start1, end1, …]}: sentence {@code i} spans {@code text[start_i, end_i)}
     * @param runs    {@code [first0, last0, …]}: chunk {@code i} is sentences {@code first_i..last_i}
     * @param vectors the sentence vectors in sentence order, {@linkplain #quantized 8-bit} (or, as indexes written
     *                before that hold them, packed floats)
     * @param stamp   the {@link FileStamp} of the article's file, or {@code null}; written with the article and
     *                read back by the sync only ({@link #decode} leaves it out)
     */
    public record Encoded(String id, String title, String date, String source, String hash, String text,
                          int[] spans, int[] runs, byte[] vectors, FileStamp stamp) {
    }

    /** The storable form of {@code d}. */
    public static Encoded encode(IndexedDocument d) {
        Document doc = d.document();
        int[] spans = new int[doc.sentences().size() * 2];
        for (Sentence s : doc.sentences()) {
            spans[2 * s.index()] = s.start();
            spans[2 * s.index() + 1] = s.end();
        }
        int[] runs = new int[d.chunks().size() * 2];
        for (Chunk c : d.chunks()) {
            runs[2 * c.ordinal()] = c.firstSentence();
            runs[2 * c.ordinal() + 1] = c.lastSentence();
        }
        return new Encoded(doc.id(), doc.title(), doc.date() == null ? null : doc.date().toString(), doc.source(),
                doc.contentHash(), doc.text(), spans, runs, quantized(d.sentenceVectors()), d.stamp());
    }

    /** The article {@code e} holds, with sentence vectors of length {@code dimension}. */
    public static IndexedDocument decode(Encoded e, int dimension) {
        List<Sentence> sentences = new ArrayList<>(e.spans().length / 2);
        for (int i = 0; i < e.spans().length / 2; i++) {
            sentences.add(new Sentence(i, e.spans()[2 * i], e.spans()[2 * i + 1]));
        }
        Document doc = new Document(e.id(), e.title(), e.date() == null ? null : LocalDate.parse(e.date()), e.text(),
                sentences, e.source(), e.hash());
        List<Chunk> chunks = new ArrayList<>(e.runs().length / 2);
        for (int i = 0; i < e.runs().length / 2; i++) {
            int first = e.runs()[2 * i];
            int last = e.runs()[2 * i + 1];
            chunks.add(new Chunk(e.id(), i, first, last, sentences.get(first).start(), sentences.get(last).end()));
        }
        return new IndexedDocument(doc, chunks, vectors(e.vectors(), sentences.size(), dimension));
    }

    /** Approximate heap bytes of a decoded article: what a cache of articles weighs it by. */
    public static int weight(IndexedDocument d) {
        long vectors = (long) d.sentenceVectors().length * (16 + (d.sentenceVectors().length == 0 ? 0
                : d.sentenceVectors()[0].length * Float.BYTES));
        long text = 2L * d.document().text().length();
        long structure = 48L * (d.document().sentences().size() + d.chunks().size());
        return (int) Math.min(Integer.MAX_VALUE, 256 + vectors + text + structure);
    }

    /**
     * Sentence vectors in 8 bits: per vector, its largest magnitude as a float, then each component as a signed
     * byte of that scale ({@code round(127 · x / max)}). Why: the sentence vectors are most of an article's bytes
     * (384 floats a sentence against ~150 characters of text), and the ranker only takes their dot product with the
     * question's, which moves by about 0.001 at this precision. A quarter of the size, on disk and in the page
     * cache.
     */
    static byte[] quantized(float[][] vectors) {
        int dim = vectors.length == 0 ? 0 : vectors[0].length;
        ByteBuffer b = ByteBuffer.allocate(vectors.length * (Float.BYTES + dim));
        for (float[] v : vectors) {
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            b.putFloat(max);
            for (float x : v) {
                b.put(max == 0 ? 0 : (byte) Math.round(127 * x / max));
            }
        }
        return b.array();
    }

    /**
     * The vectors {@code packed} holds: {@link #quantized 8-bit} as written now, or packed floats as indexes written
     * before hold them (told apart by length: {@code count · (4 + dimension)} against {@code count · 4 · dimension}).
     */
    static float[][] vectors(byte[] packed, int count, int dimension) {
        if (packed.length == count * Float.BYTES * dimension) {
            return floats(packed, count, dimension);
        }
        if (packed.length != count * (Float.BYTES + dimension)) {
            throw new IllegalArgumentException("sentence vectors of " + packed.length + " bytes for " + count
                    + " sentences of dimension " + dimension);
        }
        ByteBuffer b = ByteBuffer.wrap(packed);
        float[][] out = new float[count][dimension];
        for (float[] v : out) {
            float step = b.getFloat() / 127;
            for (int i = 0; i < dimension; i++) {
                v[i] = b.get() * step;
            }
        }
        return out;
    }

    static float[][] floats(byte[] packed, int count, int dimension) {
        ByteBuffer b = ByteBuffer.wrap(packed);
        float[][] out = new float[count][dimension];
        for (float[] v : out) {
            b.asFloatBuffer().get(v);
            b.position(b.position() + dimension * Float.BYTES);
        }
        return out;
    }

    /** Ints as packed big-endian bytes (Lucene stores the spans and runs so). */
    static byte[] ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES);
        b.asIntBuffer().put(values);
        return b.array();
    }

    static int[] ints(byte[] bytes, int offset, int length) {
        int[] out = new int[length / Integer.BYTES];
        ByteBuffer.wrap(bytes, offset, length).asIntBuffer().get(out);
        return out;
    }
}
