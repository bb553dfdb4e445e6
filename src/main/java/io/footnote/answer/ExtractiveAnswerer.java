package io.footnote.answer;

import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The answerer that needs no language model: it quotes the 1–{@code maxSentences} best-scoring source
 * sentences, each followed by its marker. A further sentence is quoted only when it scores close to the
 * best one, and never twice (the same wording in two articles counts once). When even the best sentence
 * scores below {@code minScore}, the articles do not answer the question and it abstains.
 */
public final class ExtractiveAnswerer implements Answerer {

    public static final String ABSTENTION = "The indexed articles don't answer this question.";

    private final int maxSentences;
    private final double minScore;
    private final double relativeScore;

    public ExtractiveAnswerer(int maxSentences, double minScore, double relativeScore) {
        this.maxSentences = maxSentences;
        this.minScore = minScore;
        this.relativeScore = relativeScore;
    }

    @Override
    public Draft answer(String question, Retrieval retrieval) {
        List<ScoredSentence> ranked = retrieval.sentences();
        if (ranked.isEmpty() || ranked.get(0).score() < minScore) {
            return new Draft(ABSTENTION, true, List.of());
        }
        double floor = Math.max(minScore, ranked.get(0).score() * relativeScore);
        List<ScoredSentence> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScoredSentence s : ranked) {
            if (chosen.size() == maxSentences || s.score() < floor) {
                break;
            }
            if (seen.add(normalise(s.text()))) {
                chosen.add(s);
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

    @Override
    public String mode() {
        return "extractive";
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
