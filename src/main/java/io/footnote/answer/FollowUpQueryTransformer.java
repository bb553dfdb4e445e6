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
 * appends the earlier question as context: "What did she say next? (context: What did Mao Ning say?)",
 * which gives both BM25 and the embedding the missing names. Other questions pass through unchanged.
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
        return List.of(Query.from(question + " (context: " + previous + ")", query.metadata()));
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
