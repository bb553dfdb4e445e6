package io.footnote.cite;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, for each citation of an answer, whether the cited sentence backs the answer sentence carrying the
 * marker, and which answer sentences no cited sentence backs.
 *
 * <p>A citation is supported when its {@link SupportScorer} score reaches {@code minSupport}. A sentence that
 * cites several sources may combine them ("X did A [1] and B [2]"): when no single one reaches the threshold
 * but all of them together do, those scoring at least half the threshold count as supported. A citation
 * carried by several sentences takes its best result. An answer sentence with no supported citation is an
 * unsupported claim, unless it is a remark about the sources ({@link CitedAnswerBuilder.Claim#meta()}).
 */
public final class ClaimVerifier {

    /**
     * @param supported         per citation id (index + 1): backed by at least one sentence citing it
     * @param support           per citation id: the best support score among the sentences citing it (0 when
     *                          none does)
     * @param unsupportedClaims answer sentences, as shown, that no citation backs
     * @param supportedClaims   how many answer sentences a citation backs
     */
    public record Result(List<Boolean> supported, List<Double> support, List<String> unsupportedClaims,
                         int supportedClaims) {
    }

    private final SupportScorer scorer;
    private final double minSupport;

    public ClaimVerifier(SupportScorer scorer, double minSupport) {
        this.scorer = scorer;
        this.minSupport = minSupport;
    }

    public double minSupport() {
        return minSupport;
    }

    /**
     * @param claims  the answer's sentences
     * @param sources the text of each citation, by id (index + 1)
     */
    public Result verify(List<CitedAnswerBuilder.Claim> claims, List<String> sources) {
        int n = sources.size();
        List<Boolean> supported = new ArrayList<>(n);
        List<Double> support = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            supported.add(false);
            support.add(0.0);
        }
        List<String> unsupported = new ArrayList<>();
        int supportedClaims = 0;
        for (CitedAnswerBuilder.Claim claim : claims) {
            List<Integer> ids = claim.citationIds();
            double[] scores = new double[ids.size()];
            boolean any = false;
            for (int k = 0; k < ids.size(); k++) {
                scores[k] = scorer.score(claim.plain(), sources.get(ids.get(k) - 1));
                any |= scores[k] >= minSupport;
            }
            boolean combined = false;
            if (!any && ids.size() > 1) {
                StringBuilder all = new StringBuilder();
                for (int id : ids) {
                    all.append(sources.get(id - 1)).append(' ');
                }
                combined = scorer.score(claim.plain(), all.toString().strip()) >= minSupport;
            }
            for (int k = 0; k < ids.size(); k++) {
                int i = ids.get(k) - 1;
                boolean ok = scores[k] >= minSupport || combined && scores[k] >= minSupport / 2;
                supported.set(i, supported.get(i) || ok);
                support.set(i, Math.max(support.get(i), scores[k]));
            }
            if (any || combined) {
                supportedClaims++;
            } else if (!claim.meta()) {
                unsupported.add(claim.text());
            }
        }
        return new Result(List.copyOf(supported), List.copyOf(support), List.copyOf(unsupported), supportedClaims);
    }
}
