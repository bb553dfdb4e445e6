package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import io.footnote.index.ArticleIndex;
import io.footnote.index.IndexedDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Articles whose sentences all have the same flat vector ({@link FlatEmbeddings}): only the words rank. */
final class FlatArticles {

    private FlatArticles() {
    }

    /**
     * The sentence retriever over {@code index} after {@code articles} are added and committed: hybrid search with
     * {@link FlatEmbeddings}, so that only the words rank.
     */
    static DefaultSentenceRetriever retrieverOver(ArticleIndex index, IndexedDocument... articles) {
        for (IndexedDocument article : articles) {
            index.upsert(article, List.of(new float[] {1, 0, 0, 0}));
        }
        index.commit();
        HybridContentRetriever chunks = new HybridContentRetriever(index, new FlatEmbeddings(), "", new RankFusion(60),
                RetrievalMode.HYBRID, 10, 5);
        return new DefaultSentenceRetriever(index, chunks);
    }

    /** One chunk over the sentences, joined by a space, each with the vector {1, 0, 0, 0}. */
    static IndexedDocument article(String id, String title, LocalDate date, String... sentences) {
        StringBuilder text = new StringBuilder();
        List<Sentence> spans = new ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            spans.add(new Sentence(i, text.length(), text.length() + sentences[i].length()));
            text.append(sentences[i]);
        }
        float[][] vectors = new float[sentences.length][];
        for (int i = 0; i < sentences.length; i++) {
            vectors[i] = new float[] {1, 0, 0, 0};
        }
        return new IndexedDocument(new Document(id, title, date, text.toString(), spans, id + ".txt", "hash-" + id),
                List.of(new Chunk(id, 0, 0, sentences.length - 1, 0, text.length())), vectors);
    }
}
