package io.footnote.cite;

import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.IntToDoubleFunction;

/**
 * Finds the part of a source that best backs a claim: its best sentence, or that sentence with an adjacent
 * one when the claim's facts are spread over both.
 *
 * <p>Cheap first: every sentence of the source gets its lexical coverage of the claim
 * ({@link SupportScorer#coverage}); only the {@link #EMBEDDED} best by coverage (and only those sharing at
 * least one content word, or identical to the claim) are compared by embedding, the others count with
 * similarity 0, and of those only the ones that could still be the best once the others' cosines are known
 * ({@link Reading}). {@link Reading#nextToEmbed} names them one round at a time, so a caller can embed what
 * a whole answer needs in one batch per round.
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

    /**
     * Above any cosine of two embeddings: 1, with room for float rounding in the vectors' dot product (Cauchy-Schwarz
     * holds exactly only for exact arithmetic).
     */
    private static final double COSINE_CEILING = 1.001;

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

    /** The sentences of {@code source} whose embeddings {@link #find} may compare with the claim's. */
    public List<String> toEmbed(String claim, SourceText source) {
        List<String> out = new ArrayList<>();
        for (int i : read(claim, source).shortlist) {
            out.add(source.sentence(i));
        }
        return out;
    }

    /** The best evidence for {@code claim} in {@code source}; support 0 and an empty span for an empty source. */
    public Evidence find(String claim, SourceText source) {
        return read(claim, source).find();
    }

    /** {@code source} read lexically for {@code claim}, for asking {@link Reading#nextToEmbed} and then finding. */
    public Reading read(String claim, SourceText source) {
        return new Reading(claim, source);
    }

    /**
     * One source read for one claim: the lexical part of scoring each of its sentences, computed once, and the
     * sentences to compare by embedding. Which of those are compared is decided as their cosines become known:
     * support only rises with the cosine (its weight is non-negative), so a shortlisted sentence whose support at
     * cosine 1 is below what another sentence already reaches cannot be the best, and is not embedded. That is
     * exact, not a guess: the evidence is the same as when every shortlisted sentence is compared. Sentences are
     * compared in order of that ceiling, so the likeliest best is embedded first and sets the floor.
     */
    public final class Reading {

        private final String claim;
        private final SourceText source;
        private final List<SupportScorer.Lexical> lexical = new ArrayList<>();
        /** Shortlisted sentences by their support at cosine 1, highest first (then by coverage). */
        private final List<Integer> shortlist;
        private final double[] ceiling;

        private Reading(String claim, SourceText source) {
            this.claim = claim;
            this.source = source;
            int n = source.sentences().size();
            for (int i = 0; i < n; i++) {
                lexical.add(SupportScorer.lexical(claim, source.sentence(i)));
            }
            this.ceiling = new double[n];
            List<Integer> byCoverage = byCoverage();
            byCoverage.forEach(i -> ceiling[i] = lexical.get(i).support(COSINE_CEILING));
            byCoverage.sort(Comparator.comparingDouble((Integer i) -> -ceiling[i])); // stable: coverage breaks ties
            this.shortlist = List.copyOf(byCoverage);
        }

        /**
         * The texts whose vectors {@link #find} reads next and {@code known} does not hold: the next sentence to
         * compare, and those after it that will be compared whatever its cosine (their support at cosine 1 is as
         * high as its own), with the claim if its vector is not held either; empty when nothing is missing.
         * Embedding what this names and asking again, round by round, embeds only what {@code find} compares.
         */
        public List<String> nextToEmbed(Predicate<String> known) {
            boolean claimKnown = known.test(claim);
            List<Integer> missing = new ArrayList<>();
            evidence(i -> {
                String text = source.sentence(i);
                if (claimKnown && known.test(text)) {
                    return scorer.similarity(claim, text);
                }
                missing.add(i);
                return 0; // a lower bound, so no other sentence is skipped on its account
            });
            if (missing.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (!claimKnown) {
                out.add(claim);
            }
            // Those with the first's ceiling clear any floor its cosine can set; embedding them now saves a round.
            double first = ceiling[missing.getFirst()];
            for (int i : missing) {
                if (ceiling[i] >= first) {
                    out.add(source.sentence(i));
                }
            }
            return out;
        }

        /** The best evidence; support 0 and an empty span for an empty source. */
        public Evidence find() {
            return evidence(i -> scorer.similarity(claim, source.sentence(i)));
        }

        private Evidence evidence(IntToDoubleFunction cosine) {
            int n = source.sentences().size();
            if (n == 0) {
                return new Evidence(0, 0, "", 0);
            }
            double[] similarity = similarities(cosine);
            int best = 0;
            double bestScore = -1;
            for (int i = 0; i < n; i++) {
                double s = lexical.get(i).support(Double.isNaN(similarity[i]) ? 0 : similarity[i]);
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
                if (Double.isNaN(similarity[j])) {
                    similarity[j] = cosine.applyAsDouble(j); // not compared, but the pair reads it
                }
                double s = scorer.score(claim, joined, Math.max(similarity[best], similarity[j]));
                if (s >= chosen.support() + RUN_MARGIN) {
                    chosen = new Evidence(a.start(), z.end(), joined, s);
                }
            }
            return chosen;
        }

        /**
         * Each sentence's cosine with the claim: read through {@code cosine} (by index) for the shortlisted ones that could be
         * the best, NaN for the shortlisted ones that could not (see the class comment), 0 for the others.
         */
        private double[] similarities(IntToDoubleFunction cosine) {
            double[] similarity = new double[lexical.size()];
            double floor = 0;
            for (SupportScorer.Lexical l : lexical) {
                floor = Math.max(floor, l.support(0));
            }
            for (int i : shortlist) {
                if (ceiling[i] < floor) {
                    similarity[i] = Double.NaN;
                } else {
                    similarity[i] = cosine.applyAsDouble(i);
                    floor = Math.max(floor, lexical.get(i).support(similarity[i]));
                }
            }
            return similarity;
        }

        /**
         * Indexes of the sentences compared by embedding: best lexical coverage first, at most {@link #EMBEDDED};
         * none when the embeddings do not count for this claim ({@link SupportScorer#usesSimilarity}).
         */
        private List<Integer> byCoverage() {
            if (!SupportScorer.usesSimilarity(claim)) {
                return new ArrayList<>();
            }
            int n = lexical.size();
            double[] coverage = new double[n];
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                coverage[i] = lexical.get(i).identical() ? 2 : lexical.get(i).coverage();
                if (coverage[i] > 0) {
                    order.add(i);
                }
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -coverage[i]).thenComparingInt(i -> i));
            return new ArrayList<>(order.size() > EMBEDDED ? order.subList(0, EMBEDDED) : order);
        }
    }
}
