package io.footnote.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.embed.OnnxEncoder;
import io.footnote.ingest.CorpusIngester.SentenceVectors;

import java.util.ArrayList;
import java.util.List;

/** Embeds a batch of chunked articles: one vector per chunk and one per sentence. */
final class ArticleEmbedder {

    /** An article ready to be written: its chunks and their vectors, and its sentence vectors. */
    record Embedded(Document doc, List<Chunk> chunks, List<float[]> chunkVectors, float[][] sentenceVectors) {
    }

    private final EmbeddingModel embeddings;
    private final SentenceVectors sentenceVectors;

    /** @param sentenceVectors the {@link CorpusIngester#effective} mode for {@code embeddings} */
    ArticleEmbedder(EmbeddingModel embeddings, SentenceVectors sentenceVectors) {
        this.embeddings = embeddings;
        this.sentenceVectors = sentenceVectors;
    }

    /** {@code chunksPerDoc.get(i)} are the chunks of {@code docs.get(i)}; the result is in the same order. */
    List<Embedded> embed(List<Document> docs, List<List<Chunk>> chunksPerDoc) {
        return sentenceVectors == SentenceVectors.FROM_CHUNKS
                ? embedFromChunks(docs, chunksPerDoc) : embedSeparately(docs, chunksPerDoc);
    }

    /** One inference per chunk; a sentence's vector is pooled from the chunks that hold it. */
    private List<Embedded> embedFromChunks(List<Document> docs, List<List<Chunk>> chunksPerDoc) {
        List<OnnxEncoder.ChunkText> texts = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            for (Chunk c : chunksPerDoc.get(d)) {
                int n = c.lastSentence() - c.firstSentence() + 1;
                int[] starts = new int[n];
                int[] ends = new int[n];
                for (int i = 0; i < n; i++) {
                    starts[i] = doc.sentences().get(c.firstSentence() + i).start() - c.start();
                    ends[i] = doc.sentences().get(c.firstSentence() + i).end() - c.start();
                }
                texts.add(new OnnxEncoder.ChunkText(doc.text().substring(c.start(), c.end()), starts, ends));
            }
        }
        List<OnnxEncoder.ChunkVectors> vectors = ((OnnxEncoder) embeddings).embedChunks(texts);
        List<Embedded> out = new ArrayList<>(docs.size());
        List<TextSegment> leftOver = new ArrayList<>();
        List<float[][]> leftOverTargets = new ArrayList<>();
        List<Integer> leftOverIndex = new ArrayList<>();
        int at = 0;
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            List<Chunk> chunks = chunksPerDoc.get(d);
            float[][] sums = new float[doc.sentences().size()][];
            List<float[]> chunkVectors = new ArrayList<>(chunks.size());
            for (Chunk c : chunks) {
                OnnxEncoder.ChunkVectors v = vectors.get(at++);
                chunkVectors.add(v.chunk());
                for (int i = 0; i < v.sentences().length; i++) {
                    float[] sv = v.sentences()[i];
                    if (sv == null) {
                        continue;
                    }
                    int s = c.firstSentence() + i;
                    if (sums[s] == null) {
                        sums[s] = sv.clone();
                    } else { // a sentence shared by two overlapping chunks: both readings count
                        for (int k = 0; k < sv.length; k++) {
                            sums[s][k] += sv[k];
                        }
                    }
                }
            }
            for (int s = 0; s < sums.length; s++) {
                if (sums[s] == null) { // no token of it was read off a chunk (a chunk longer than the window)
                    leftOver.add(TextSegment.from(doc.sentenceText(s)));
                    leftOverTargets.add(sums);
                    leftOverIndex.add(s);
                } else {
                    normalize(sums[s]);
                }
            }
            out.add(new Embedded(doc, chunks, chunkVectors, sums));
        }
        if (!leftOver.isEmpty()) {
            List<Embedding> extra = embeddings.embedAll(leftOver).content();
            for (int i = 0; i < extra.size(); i++) {
                leftOverTargets.get(i)[leftOverIndex.get(i)] = extra.get(i).vector();
            }
        }
        return out;
    }

    /** Every chunk and every sentence embedded on its own. */
    private List<Embedded> embedSeparately(List<Document> docs, List<List<Chunk>> chunksPerDoc) {
        List<TextSegment> texts = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            for (Chunk c : chunksPerDoc.get(d)) {
                texts.add(TextSegment.from(doc.text().substring(c.start(), c.end())));
            }
            for (int i = 0; i < doc.sentences().size(); i++) {
                texts.add(TextSegment.from(doc.sentenceText(i)));
            }
        }
        List<Embedding> vectors = embeddings.embedAll(texts).content();
        List<Embedded> out = new ArrayList<>(docs.size());
        int at = 0;
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            List<Chunk> chunks = chunksPerDoc.get(d);
            List<float[]> chunkVectors = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                chunkVectors.add(vectors.get(at++).vector());
            }
            float[][] sentences = new float[doc.sentences().size()][];
            for (int i = 0; i < sentences.length; i++) {
                sentences[i] = vectors.get(at++).vector();
            }
            out.add(new Embedded(doc, chunks, chunkVectors, sentences));
        }
        return out;
    }

    private static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }
}
