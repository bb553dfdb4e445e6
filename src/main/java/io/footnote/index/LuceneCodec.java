package io.footnote.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;

/**
 * The codec {@link LuceneIndex} writes with: Lucene's default, except that the chunk vectors' HNSW graph is
 * searched over 8-bit scalar-quantized vectors (M = 16 and beam 100, as the default graph).
 *
 * <p>Why: the graph search reads a vector per visited node, so its working set in the page cache is a quarter
 * of the float one (384 bytes a chunk, not 1,536). The floats are still kept on disk beside the quantized copy
 * (Lucene re-quantizes from them on merge), so the index grows by about that copy. Measured on SQuAD v1.1 dev
 * (1,000 questions, seed 42): citations within half a point of the float graph; see docs/performance.md.
 *
 * <p>Indexes written before open as they are: each segment names its vectors format, so old segments are read
 * as float HNSW, and are rewritten quantized when merged.
 */
final class LuceneCodec {

    private LuceneCodec() {
    }

    static Codec create() {
        KnnVectorsFormat quantized = new Lucene104HnswScalarQuantizedVectorsFormat();
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return LuceneRecords.VECTOR.equals(field) ? quantized : super.getKnnVectorsFormatForField(field);
            }
        };
    }
}
