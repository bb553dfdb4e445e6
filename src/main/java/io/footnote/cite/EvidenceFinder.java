package io.footnote.cite;

import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the part of a source that best backs a claim: its best sentence, or that sentence with an adjacent
 * one when the claim's facts are spread over both.
 *
 * <p>Cheap first: every sentence of the source gets its lexical coverage of the claim
 * ({@link SupportScorer#coverage}); only the {@link #EMBEDDED} best by coverage (and only those sharing at
 * least one content word, or identical to the claim) are compared by embedding, the others count with
 * similarity 0. {@link #toEmbed} names those sentences so a caller can embed all it needs in one batch.
 *
 * <p>Two adjacent sentences are taken together only when (1) the best sentence alone already scores at least
 * {@link #RUN_BASE}, (2) the pair holds every content word of the claim (the neighbour completes it), (3) neither
 * the number, name nor negation check objects to the pair, and (4) the pair scores at least {@link #RUN_MARGIN}
 * above the sentence alone. (Looser rules — any added word — let fluent unsupported answers borrow words from
 * the next sentence: on HaluEval they turned right verdicts wrong.) The pair's similarity is the
 * better of its two sentences', so joining can only raise support through words the claim states and the
 * pair has: a claim whose extra fact no sentence states gains nothing.
 */
public final class EvidenceFinder {

    /**
     * Most sentences of one source compared by embedding for one claim. Two, not three: on the held-out sets of
     * {@code VerifierQualityBenchmark} the same macro-F1 (ExpertQA rand_val 0.587 vs 0.588, HaluEval odd 0.876 vs
     * 0.873) for a fifth less cold latency ({@code VerifyBenchmark} p50 36.6 vs 46.5 ms); one lost ExpertQA 0.019.
     */
    static final int EMBEDDED = 2;
    /** How much a run of two sentences must beat the best single one. */
    static final double RUN_MARGIN = 0.05;

    /** Least support the best single sentence needs before a neighbour may join it. */
    static final double RUN_BASE = 0.4;

    private final SupportScorer scorer;
    private final boolean joinAdjacent;

    public EvidenceFinder(SupportScorer scorer) {
        this(scorer, true);
    }

    /** @param joinAdjacent false to consider single sentences only (for measuring what runs add) */
    public EvidenceFinder(SupportScorer scorer, boolean joinAdjacent) {
        this.scorer = scorer;
        this.joinAdjacent = joinAdjacent;
    }

    /** The sentences of {@code source} whose embeddings {@link #find} will compare with the claim's. */
    public List<String> toEmbed(String claim, SourceText source) {
        List<String> out = new ArrayList<>();
        for (int i : shortlist(claim, source)) {
            out.add(source.sentence(i));
        }
        return out;
    }

    /** The best evidence for {@code claim} in {@code source}; support 0 and an empty span for an empty source. */
    public Evidence find(String claim, SourceText source) {
        if (source.sentences().isEmpty()) {
            return new Evidence(0, 0, "", 0);
        }
        List<Integer> shortlist = shortlist(claim, source);
        int n = source.sentences().size();
        double[] similarity = new double[n];
        for (int i : shortlist) {
            similarity[i] = scorer.similarity(claim, source.sentence(i));
        }
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < n; i++) {
            double s = scorer.score(claim, source.sentence(i), similarity[i]);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        Sentence b = source.sentences().get(best);
        Evidence single = new Evidence(b.start(), b.end(), b.textIn(source.text()), bestScore);
        // The base is judged after the number/name/negation penalties: judged before them, joining turned more
        // HaluEval verdicts wrong (macro-F1 0.856 against 0.865; see VerifierQualityBenchmark).
        if (bestScore >= 1.0 || !joinAdjacent || bestScore < RUN_BASE) {
            return single;
        }
        Evidence chosen = single;
        Set<String> missing = SupportScorer.missingWords(claim, single.text());
        for (int j : new int[]{best - 1, best + 1}) {
            if (j < 0 || j >= n || missing.isEmpty()) {
                continue;
            }
            Sentence a = source.sentences().get(Math.min(best, j));
            Sentence z = source.sentences().get(Math.max(best, j));
            String joined = source.text().substring(a.start(), z.end());
            if (!SupportScorer.missingWords(claim, joined).isEmpty() || Mismatches.penalty(claim, joined) < 1) {
                continue; // the pair still lacks some of the claim's words, or a number, name or negation
            }
            double s = scorer.score(claim, joined, Math.max(similarity[best], similarity[j]));
            if (s >= chosen.support() + RUN_MARGIN) {
                chosen = new Evidence(a.start(), z.end(), joined, s);
            }
        }
        return chosen;
    }

    /**
     * Indexes of the sentences compared by embedding: best lexical coverage first, at most {@link #EMBEDDED}; none
     * when the embeddings do not count for this claim ({@link SupportScorer#usesSimilarity}).
     */
    private static List<Integer> shortlist(String claim, SourceText source) {
        if (!SupportScorer.usesSimilarity(claim)) {
            return List.of();
        }
        int n = source.sentences().size();
        double[] coverage = new double[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = source.sentence(i);
            coverage[i] = SupportScorer.normalise(s).equals(SupportScorer.normalise(claim)) ? 2
                    : SupportScorer.coverage(claim, s);
            if (coverage[i] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -coverage[i]).thenComparingInt(i -> i));
        return order.size() > EMBEDDED ? order.subList(0, EMBEDDED) : order;
    }
}
