package io.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footnote.ingest.ArticleReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Reads SQuAD v1.1 / v2.0 JSON. Each article becomes one corpus file: its title as a headline, then its
 * paragraphs separated by blank lines (or without the title line: {@link #load(Path, int, long, boolean)}). Each
 * question becomes a case whose supporting sentence is the one holding {@code answer_start}; v2.0 questions with
 * {@code is_impossible} are unanswerable cases.
 */
public final class SquadLoader {

    private static final String SEPARATOR = "\n\n";

    private SquadLoader() {
    }

    /**
     * @param limit take at most this many questions, drawn at random with {@code seed} (0 or less: all)
     */
    public static EvalDataset load(Path file, int limit, long seed) {
        return load(file, limit, seed, true);
    }

    /**
     * As {@link #load(Path, int, long)}; with {@code headlines} false each file opens with its first paragraph,
     * without the title line: a corpus of files that have no headline (the dataset's name says so).
     */
    public static EvalDataset load(Path file, int limit, long seed, boolean headlines) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQuAD file " + file, e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<EvalCase> cases = new ArrayList<>();
        int articleNo = 0;
        for (JsonNode article : root.path("data")) {
            String title = article.path("title").asText().replace('_', ' ');
            String fileName = String.format(Locale.ROOT, "%03d_%s.txt", articleNo++,
                    title.replaceAll("[^A-Za-z0-9]+", "_"));
            String documentId = ArticleReader.idOf(fileName);
            StringBuilder text = new StringBuilder(headlines ? title : "");
            for (JsonNode paragraph : article.path("paragraphs")) {
                if (!text.isEmpty()) {
                    text.append(SEPARATOR);
                }
                int base = text.length();
                String context = paragraph.path("context").asText().replace("\r", " ").replace('\n', ' ');
                text.append(context);
                for (JsonNode qa : paragraph.path("qas")) {
                    boolean impossible = qa.path("is_impossible").asBoolean(false);
                    LinkedHashSet<String> answers = new LinkedHashSet<>();
                    List<EvalCase.Support> support = new ArrayList<>();
                    for (JsonNode a : qa.path("answers")) {
                        answers.add(a.path("text").asText());
                        int offset = base + a.path("answer_start").asInt();
                        if (support.stream().noneMatch(s -> s.offset() == offset)) {
                            support.add(new EvalCase.Support(documentId, null, offset));
                        }
                    }
                    List<List<String>> facts = answers.isEmpty() ? List.of() : List.of(List.copyOf(answers));
                    cases.add(new EvalCase(qa.path("id").asText(), qa.path("question").asText().strip(), List.of(),
                            List.copyOf(answers), facts, support, !impossible && !answers.isEmpty()));
                }
            }
            files.put(fileName, text.toString());
        }
        if (limit > 0 && limit < cases.size()) {
            Collections.shuffle(cases, new Random(seed));
            cases = new ArrayList<>(cases.subList(0, limit));
        }
        String name = file.getFileName().toString();
        return new EvalDataset(headlines ? name : name.replaceAll("\\.json$", "") + "-no-headlines.json", files, cases);
    }
}
