package io.footnote.retrieve;

import io.footnote.domain.ScoredSentence;

import java.util.List;

/**
 * What retrieval found for one question: the fused chunks, and their sentences ranked best first.
 */
public record Retrieval(String query, List<FusedChunk> chunks, List<ScoredSentence> sentences) {
}
