package io.footnote.answer;

import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.cite.SupportScorer;
import io.footnote.retrieve.AnswerType;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.footnote.retrieve.Retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The answerer that needs no language model: it quotes the 1–{@code maxSentences} best-ranked source
 * sentences, each followed by its marker. A further sentence is quoted only when the ranker finds it nearly as
 * likely to hold the answer as the best one ({@link Retrieval#likelihood}; without those, when it scores close
 * to the best one), and never twice (the same wording in two articles counts once). It declines when the best
 * sentence scores below {@code minScore} or the retrieval's answerability (a calibrated probability that the
 * best sentence answers the question) is below {@code minAnswerability}.
 *
 * <p>When a quoted sentence opens a quotation it does not close ("“Regarding the repatriation, …"), or ends
 * in a colon, the claim runs on into the next sentence of the article, which is quoted as well (with its own
 * marker): a quote never stops at a stray opening quotation mark.
 */
public final class ExtractiveAnswerer implements Answerer {

    public static final String ABSTENTION = "The indexed articles don't answer this question.";

    /**
     * A further sentence is quoted when the ranker ({@code io.footnote.retrieve.SentenceRanker}) finds it at least
     * this share as likely to hold the answer as the best one. Chosen on the ranker's fitting split (SQuAD v1.1
     * dev, questions about even-numbered articles; {@code RankerFit} prints the sweep) as the ratio that quotes
     * about as many sentences as the former rule (a score within 0.85 of the best's): 1.83 against 1.78 per
     * question there. Held out (odd-numbered articles): some quoted sentence holds the answer for 0.875 against
     * 0.866, with 1.66 against 1.62 sentences per question. Lowered from 0.135 in the twentieth round, when the
     * ranker's refit (cues {@code ordinary} and {@code placesAt}) spread its likelihoods further: chosen again on
     * the fitting split as the ratio that quotes as many sentences as before (1.79 per question there, 1.75 at
     * 0.135). Held out: some quoted sentence holds the answer for 0.903 at 1.63 sentences per question, as the
     * former weights at 0.135 (0.903 at 1.64).
     */
    static final double RELATIVE_LIKELIHOOD = 0.12;

    private final int maxSentences;
    private final double minScore;
    private final double relativeScore;
    private final double minAnswerability;
    private final Function<String, Optional<Document>> documents;

    /** Without document access (no quote continuation) and without the answerability check. */
    public ExtractiveAnswerer(int maxSentences, double minScore, double relativeScore) {
        this(maxSentences, minScore, relativeScore, 0, id -> Optional.empty());
    }

    /**
     * @param minAnswerability below this {@link Retrieval#answerability()} the answerer declines
     * @param documents        looks up articles, to quote the sentence a quotation runs on into
     */
    public ExtractiveAnswerer(int maxSentences, double minScore, double relativeScore, double minAnswerability,
                              Function<String, Optional<Document>> documents) {
        this.maxSentences = maxSentences;
        this.minScore = minScore;
        this.relativeScore = relativeScore;
        this.minAnswerability = minAnswerability;
        this.documents = documents;
    }

    @Override
    public Draft answer(String question, Retrieval retrieval) {
        List<ScoredSentence> ranked = retrieval.sentences();
        // The best score, not the first sentence's: the ranker's first need not score highest.
        double best = ranked.stream().mapToDouble(ScoredSentence::score).max().orElse(0);
        if (best < minScore || retrieval.answerability() < minAnswerability) {
            return new Draft(ABSTENTION, true, List.of());
        }
        double floor = Math.max(minScore, ranked.get(0).score() * relativeScore);
        List<Double> likelihood = retrieval.likelihood();
        List<ScoredSentence> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            ScoredSentence s = ranked.get(i);
            // With the ranker's likelihoods, a further sentence is quoted when it is nearly as likely to hold the
            // answer as the best; without them, when its score is close to the best one's.
            // (The ranker's order is not the scores' order: one scoring under the floor is skipped, not the end.)
            boolean close = chosen.isEmpty()
                    || (likelihood.isEmpty() ? s.score() >= floor : likelihood.get(i) >= RELATIVE_LIKELIHOOD);
            if (chosen.size() >= maxSentences || !close) {
                break;
            }
            if (s.score() < minScore) {
                continue;
            }
            if (seen.add(key(s)) & seen.add(normalise(s.text()))) {
                chosen.add(s);
                continuation(s).filter(n -> seen.add(key(n)) & seen.add(normalise(n.text()))).ifPresent(chosen::add);
                if (chosen.getFirst() == s && chosen.size() < maxSentences) { // the best sentence's neighbour
                    completion(DefaultSentenceRetriever.ownQuestion(question), s)
                            .filter(n -> seen.add(key(n)) & seen.add(normalise(n.text()))).ifPresent(chosen::add);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chosen.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(chosen.get(i).text()).append(" [").append(i + 1).append(']');
        }
        return new Draft(text.toString(), false, chosen);
    }

    /**
     * The neighbour of the best sentence that says what the question asks and the best sentence does not: when
     * the best sentence lacks some of the question's content words, the adjacent sentence (before or after, in
     * its article) that states at least half of those, and supplies the asked-for kind of answer
     * ({@link AnswerType}) when the question asks for one. A compound question ("How much goes to indebted
     * producers and how much to cooperatives?") or a claim spread over two sentences ("…its fastest processor runs
     * at 3.8 GHz" after "The Cell chip runs at 4 GHz") is answered by the pair. Quoted only
     * while the answer holds fewer than {@code maxSentences} sentences.
     */
    private Optional<ScoredSentence> completion(String question, ScoredSentence best) {
        Set<String> missing = new HashSet<>(SupportScorer.missingWords(question, best.text()));
        missing.removeAll(QUESTION_SHAPE);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Optional<Document> article = documents.apply(best.documentId());
        if (article.isEmpty()) {
            return Optional.empty();
        }
        Document d = article.get();
        AnswerType wanted = AnswerType.of(question);
        Set<String> questionWords = AnswerType.words(question);
        boolean why = AnswerType.asksWhy(question);
        ScoredSentence chosen = null;
        int most = 0;
        for (int i : new int[]{best.sentenceIndex() - 1, best.sentenceIndex() + 1}) {
            if (i < 0 || i >= d.sentences().size()) {
                continue;
            }
            String text = d.sentenceText(i);
            Set<String> stillMissing = SupportScorer.missingWords(question, text);
            int stated = (int) missing.stream().filter(w -> !stillMissing.contains(w)).count();
            boolean supplies = wanted == AnswerType.OTHER || wanted.suppliedBy(text, questionWords)
                    || why && REPORTED.matcher(text).find();
            if (supplies && 2 * stated >= missing.size() && stated > most) {
                var span = d.sentences().get(i);
                chosen = new ScoredSentence(d.id(), i, span.start(), span.end(), text, best.score(),
                        best.similarity(), best.overlap());
                most = stated;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /**
     * What someone ruled, said or found: in news the reason for a decision is most often reported ("A New York
     * appeals court has told Blackground Records that only the singer's parents had the right…"), not joined
     * by "because".
     */
    private static final Pattern REPORTED = Pattern.compile("\\b(ruled|told|said|says|found|argued|explained|"
            + "concluded|decided|claimed|insisted|warned|judged)\\b[^.;]*\\bthat\\b", Pattern.CASE_INSENSITIVE);
    /** Words that shape a question ("how much", "what kind") and that no answer repeats. */
    private static final Set<String> QUESTION_SHAPE = Set.of("much", "many", "long", "often", "far", "old", "kind",
            "type", "sort", "name", "called", "happened", "happen", "reason", "way", "year", "percentage", "number");

    /** The article's next sentence, when {@code s} leaves a quotation open or ends in a colon. */
    private Optional<ScoredSentence> continuation(ScoredSentence s) {
        if (!runsOn(s.text())) {
            return Optional.empty();
        }
        return documents.apply(s.documentId())
                .filter(d -> s.sentenceIndex() + 1 < d.sentences().size())
                .map(d -> {
                    var next = d.sentences().get(s.sentenceIndex() + 1);
                    return new ScoredSentence(d.id(), s.sentenceIndex() + 1, next.start(), next.end(),
                            next.textIn(d.text()), s.score(), s.similarity(), s.overlap());
                });
    }

    /** True when the sentence opens more quotations than it closes, or ends in a colon. */
    static boolean runsOn(String text) {
        String t = text.strip();
        if (t.endsWith(":")) {
            return true;
        }
        int open = count(t, '“');
        int close = count(t, '”');
        if (open + close > 0) {
            return open > close;
        }
        return count(t, '"') % 2 == 1 && t.startsWith("\"");
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String mode() {
        return "extractive";
    }

    private static String key(ScoredSentence s) {
        return s.documentId() + "#" + s.sentenceIndex();
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
