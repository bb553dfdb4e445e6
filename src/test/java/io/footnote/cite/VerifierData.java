package io.footnote.cite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-judged claim sets in {@code ../shared/eval/} (or {@code -Dfootnote.eval.path}), as claims with their
 * cited evidence and a verdict: ExpertQA (Complete = supported; Partial and Incomplete = not) and HaluEval QA
 * (the knowledge backs the right answer, not the hallucinated one).
 */
public final class VerifierData {

    /**
     * @param set      the data set and subset, e.g. {@code expertqa-rand_val}
     * @param group    the question the claim belongs to (claims of one question share evidence, so splits keep
     *                 a group together)
     * @param claim    the claim without its markers
     * @param evidence the texts it cites
     * @param label    whether people judged it supported
     */
    public record Item(String set, int group, String claim, List<String> evidence, boolean label) {
    }

    public static final Path EVAL = Path.of(System.getProperty("footnote.eval.path", "../shared/eval"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private VerifierData() {
    }

    /** HaluEval QA: for each row, its right answer (supported) and its hallucinated one (not), same group. */
    public static List<Item> halueval() throws IOException {
        List<Item> out = new ArrayList<>();
        int row = 0;
        for (String line : Files.readAllLines(EVAL.resolve("halueval-qa/qa_one-turn_data.json"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            // The knowledge runs sentences together ("...1844.Margaret..."); a space lets the splitter see them.
            String k = n.get("knowledge").asText().replaceAll("\\.(?=\\p{Lu})", ". ");
            out.add(new Item("halueval", row, n.get("right_answer").asText(), List.of(k), true));
            out.add(new Item("halueval", row, n.get("hallucinated_answer").asText(), List.of(k), false));
            row++;
        }
        return out;
    }

    /** ExpertQA claims with evidence and a Complete, Partial or Incomplete judgement; at most {@code max}. */
    public static List<Item> expertqa(String subset, int max) throws IOException {
        List<Item> out = new ArrayList<>();
        int question = 0;
        for (String line : Files.readAllLines(EVAL.resolve("expertqa-val/" + subset + ".jsonl"))) {
            JsonNode q = JSON.readTree(line);
            for (JsonNode answer : q.get("answers")) {
                for (JsonNode c : answer.path("claims")) {
                    String support = c.path("support").asText("");
                    if (c.path("evidence").isEmpty() || !(support.equals("Complete") || support.equals("Partial")
                            || support.equals("Incomplete")) || out.size() >= max) {
                        continue;
                    }
                    List<String> evidence = new ArrayList<>();
                    for (JsonNode e : c.get("evidence")) {
                        // Each evidence text opens with "[n] url" and a blank line; the body follows.
                        // Each evidence text opens with "[n] url"; the page's text, when quoted, follows a blank line.
                        // A quarter of the claims cite a bare address: nothing there to check them against.
                        String t = e.asText();
                        int body = t.indexOf("\n\n");
                        String text = body >= 0 ? t.substring(body + 2).strip() : "";
                        if (!text.isEmpty()) {
                            evidence.add(text);
                        }
                    }
                    out.add(new Item("expertqa-" + subset, question, Markers.strip(c.get("claim_string").asText()),
                            evidence, support.equals("Complete")));
                }
            }
            question++;
        }
        return out;
    }
}
