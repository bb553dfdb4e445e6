package io.footnote.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.CompressingQueryTransformer;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;

/**
 * Makes a follow-up standalone with the language model: LangChain4j's {@link CompressingQueryTransformer}
 * asks it to reformulate the question using the conversation. A question without history is not sent. When
 * the model fails or replies with something unusable (blank, several lines, far longer than a question), the
 * {@link FollowUpQueryTransformer heuristic} rewrites it instead.
 */
public final class LlmFollowUpTransformer implements QueryTransformer {

    private static final Logger LOG = Logger.getLogger(LlmFollowUpTransformer.class);

    private final QueryTransformer model;
    private final QueryTransformer heuristic;
    private final int maxLength;

    /**
     * @param chat      the chat model, already wrapped in the service's retry and breaker policy
     * @param heuristic used when the model cannot help
     * @param maxLength longest acceptable rewrite, in characters
     */
    public LlmFollowUpTransformer(ChatModel chat, QueryTransformer heuristic, int maxLength) {
        this.model = new CompressingQueryTransformer(chat);
        this.heuristic = heuristic;
        this.maxLength = maxLength;
    }

    @Override
    public Collection<Query> transform(Query query) {
        if (query.metadata() == null || query.metadata().chatMemory() == null
                || query.metadata().chatMemory().isEmpty()) {
            return List.of(query);
        }
        try {
            Collection<Query> out = model.transform(query);
            String text = out.isEmpty() ? "" : clean(out.iterator().next().text());
            if (!text.isEmpty() && text.length() <= maxLength) {
                return List.of(Query.from(text, query.metadata()));
            }
            LOG.warnf("The model's rewrite of a follow-up was unusable; using the heuristic");
        } catch (RuntimeException e) {
            LOG.warnf("The model could not rewrite a follow-up (%s); using the heuristic", e.getMessage());
        }
        return heuristic.transform(query);
    }

    /** The first non-blank line, without a "Query:" label or surrounding quotes. */
    static String clean(String reply) {
        if (reply == null) {
            return "";
        }
        String line = reply.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        line = line.replaceFirst("(?i)^(reformulated |standalone |rewritten )?(query|question)\\s*:\\s*", "");
        if (line.length() >= 2 && "\"'“`".indexOf(line.charAt(0)) >= 0) {
            line = line.substring(1, line.length() - ("\"'”`".indexOf(line.charAt(line.length() - 1)) >= 0 ? 1 : 0));
        }
        return line.strip();
    }
}
