package io.footnote.retrieve;

/** Which searches rank chunks: both fused (the default), or one alone (for ablations). */
public enum RetrievalMode {
    HYBRID, BM25, VECTOR
}
