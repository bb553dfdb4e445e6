package io.footnote.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.domain.Document;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.footnote.retrieve.SentenceRanker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The ranker's training data ({@code eval --features FILE.jsonl}): one JSON line per question with every
 * candidate sentence's ranking signals and whether it holds the answer, for fitting the ranker's weights.
 */
final class FeatureDump {

    private FeatureDump() {
    }

    static void write(Path file, EvalDataset dataset, DefaultSentenceRetriever ranker,
                      Function<String, Optional<Document>> docs, Function<EvalCase.Support, Optional<String>> gold,
                      int topK) {
        var json = new ObjectMapper();
        try (var out = Files.newBufferedWriter(file)) {
            for (EvalCase c : dataset.cases()) {
                Set<String> goldKeys = new HashSet<>();
                c.support().forEach(s -> gold.apply(s).ifPresent(goldKeys::add));
                List<Map<String, Object>> cands = new ArrayList<>();
                var found = ranker.candidates(c.question(), topK);
                Map<String, Integer> uncovered = new java.util.HashMap<>();
                for (var k : found.candidates()) {
                    Document doc = docs.apply(k.documentId()).orElseThrow();
                    String text = doc.sentenceText(k.sentenceIndex());
                    int unc = uncovered.computeIfAbsent(k.documentId(), id -> ranker.uncoveredMentions(c.question(), doc));
                    String key = k.documentId() + "#" + k.sentenceIndex();
                    boolean holds = goldKeys.contains(key) || c.answers().stream().anyMatch(a -> Metrics.containsNormalized(text, a));
                    cands.add(Map.ofEntries(Map.entry("sim", k.similarity()), Map.entry("ov", k.overlap()),
                            Map.entry("ctx", k.context()),
                            Map.entry("type", k.typeMatch()), Map.entry("gold", goldKeys.contains(key)),
                            Map.entry("holds", holds), Map.entry("len", text.length()), Map.entry("bi", k.bigrams()), Map.entry("text", text),
                            Map.entry("doc", k.documentId()), Map.entry("idx", k.sentenceIndex()),
                            Map.entry("nov", k.novelty()), Map.entry("nb", k.neighbour()), Map.entry("rare", k.rareCoverage()),
                            Map.entry("unc", unc), Map.entry("score", DefaultSentenceRetriever.score(k)),
                            Map.entry("x", SentenceRanker.features(k)), Map.entry("rank", SentenceRanker.rank(k))));
                }
                out.write(json.writeValueAsString(Map.of("id", c.id(), "q", c.question(), "answerable", c.answerable(),
                        "atype", found.answerType().name(), "cands", cands, "article",
                        c.support().isEmpty() ? "" : c.support().getFirst().documentId())));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
