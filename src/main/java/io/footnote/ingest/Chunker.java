package io.footnote.ingest;

import dev.langchain4j.model.TokenCountEstimator;
import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups a document's sentences into chunks of whole sentences that fit the embedding model's window,
 * consecutive chunks sharing {@code overlap} sentences. A single sentence longer than the window becomes a
 * chunk of its own (its tail is then embedded only in part, but it stays retrievable through BM25).
 */
public final class Chunker {

    private final TokenCountEstimator tokens;
    private final int maxTokens;
    private final int overlap;

    public Chunker(TokenCountEstimator tokens, int maxTokens, int overlap) {
        if (maxTokens < 8 || overlap < 0) {
            throw new IllegalArgumentException("maxTokens must be ≥ 8 and overlap ≥ 0");
        }
        this.tokens = tokens;
        this.maxTokens = maxTokens;
        this.overlap = overlap;
    }

    public List<Chunk> chunk(Document doc) {
        List<Sentence> sentences = doc.sentences();
        int n = sentences.size();
        int[] cost = new int[n];
        for (int i = 0; i < n; i++) {
            // Each sentence's own count includes [CLS] and [SEP]; a chunk pays for them once.
            cost[i] = Math.max(1, tokens.estimateTokenCountInText(doc.sentenceText(i)) - 2);
        }
        List<Chunk> chunks = new ArrayList<>();
        int first = 0;
        while (first < n) {
            int last = first;
            int used = 2 + cost[first];
            while (last + 1 < n && used + cost[last + 1] <= maxTokens) {
                last++;
                used += cost[last];
            }
            chunks.add(new Chunk(doc.id(), chunks.size(), first, last,
                    sentences.get(first).start(), sentences.get(last).end()));
            if (last == n - 1) {
                break;
            }
            // Step forward, keeping `overlap` sentences, but always make progress.
            first = Math.max(first + 1, last + 1 - overlap);
        }
        return chunks;
    }
}
