package io.footnote.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a follow-up question standalone without a language model. A question is a follow-up when the
 * conversation has an earlier user question and this one leans on it: it uses a pronoun or demonstrative
 * ("she", "they", "that", …), opens with "and"/"what about"/"how about", or is very short. The rewrite
 * appends the names the conversation was about — the capitalised phrases of the previous question and of
 * the first sentence of the previous answer — as context: "What did she say next? (context: Mao Ning,
 * Chinese Foreign Ministry)". Only names, not the whole earlier question, so the earlier question's other
 * words do not pull retrieval back to the earlier answer. With no name to carry over, the previous question
 * itself is appended. Other questions pass through unchanged.
 */
public final class FollowUpQueryTransformer implements QueryTransformer {

    private static final Pattern ANAPHOR = Pattern.compile(
            "\\b(he|she|him|her|hers|his|it|its|they|them|their|theirs|this|that|these|those|there|then|"
                    + "the same|the other|else|more|next)\\b");
    private static final Pattern OPENER = Pattern.compile("^(and|also|but|what about|how about|and what|why not)\\b");
    private static final int SHORT_WORDS = 3;

    @Override
    public Collection<Query> transform(Query query) {
        String question = query.text().strip();
        List<ChatMessage> history = query.metadata() == null ? List.of() : query.metadata().chatMemory();
        String previous = lastUserQuestion(history);
        if (previous == null || !isFollowUp(question)) {
            return List.of(query);
        }
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(names(previous));
        // From the answer only multi-word names: single capitalised words there ("Monday", "China") are
        // usually incidental and would drag retrieval back to the answer already given.
        names(firstSentence(lastAnswer(history))).stream().filter(n -> n.contains(" ")).forEach(names::add);
        names.removeIf(n -> question.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)));
        String context = names.isEmpty() ? previous : String.join(", ", names);
        return List.of(Query.from(question + " (context: " + context + ")", query.metadata()));
    }

    /**
     * Runs of capitalised words ("Mao Ning", "Chinese Foreign Ministry", "U.S."), leaving out a capitalised
     * function word that only opens a sentence ("The", "Who") and names folded into a longer one.
     */
    static List<String> names(String text) {
        List<String> out = new java.util.ArrayList<>();
        if (text == null) {
            return out;
        }
        java.util.regex.Matcher m = NAME.matcher(text);
        while (m.find()) {
            String name = m.group().strip();
            if (name.endsWith(".") && !ABBREVIATION.matcher(name).find()) {
                name = name.substring(0, name.length() - 1);
            }
            String first = name.split("\\s+")[0];
            if (FUNCTION_WORD.matcher(first).matches()) {
                int space = name.indexOf(' ');
                name = space < 0 ? "" : name.substring(space + 1);
            }
            String candidate = name;
            if (!candidate.isEmpty() && out.stream().noneMatch(n -> n.contains(candidate))) {
                out.removeIf(candidate::contains);
                out.add(candidate);
            }
        }
        return out;
    }

    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}.’'-]*(\\s+\\p{Lu}[\\p{L}.’'-]*)*");
    private static final Pattern ABBREVIATION = Pattern.compile("(\\p{Lu}\\.){2,}$");
    private static final Pattern FUNCTION_WORD = Pattern.compile("(?i)the|a|an|and|but|or|if|in|on|at|to|of|by|for|"
            + "with|from|after|before|as|this|that|these|those|there|here|it|he|she|they|we|i|you|who|whom|whose|"
            + "what|when|where|which|why|how|did|does|do|is|are|was|were|has|have|had|will|would|can|could|some|"
            + "many|most|more|more|also|then|so|yes|no");

    private static String firstSentence(String text) {
        if (text == null) {
            return null;
        }
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String lastAnswer(List<ChatMessage> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof dev.langchain4j.data.message.AiMessage a && a.text() != null) {
                return a.text();
            }
        }
        return null;
    }

    static boolean isFollowUp(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return ANAPHOR.matcher(q).find() || OPENER.matcher(q).find()
                || q.split("\\s+").length <= SHORT_WORDS;
    }

    private static String lastUserQuestion(List<ChatMessage> history) {
        if (history == null) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage u && u.hasSingleText() && !u.singleText().isBlank()) {
                return u.singleText().strip();
            }
        }
        return null;
    }
}
