package io.footnote.answer;

import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.Conversation;
import io.footnote.retrieve.DefaultSentenceRetriever;
import io.footnote.retrieve.FusedChunk;
import io.footnote.retrieve.Retrieval;
import io.footnote.retrieve.SentenceRetriever;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link SentenceRetriever} that answers each half of a compound question: "What did Novartis buy and how much
 * does it expect to save a year?" asks two things, and the sentence that best matches the whole question usually
 * answers one of them (the savings), while the other (Hexal) is in another sentence that the whole question ranks
 * lower. Each half is retrieved on its own — a later half with the earlier one's subject as context ("how much
 * does it expect to save a year? (context: Novartis)", as a follow-up would be) — and the best sentence of each
 * half that would be answered on its own goes first, as likely as the best, so the answer quotes both. Every other
 * sentence keeps the whole question's order, and whether the articles answer at all is judged on the whole
 * question.
 *
 * <p>A question is compound when two questions are joined by "and": both open with a question word ("What did …
 * and how much …", "How fast has … grown, and how fast is it expected to grow …?", "Who discovered this and where
 * did they come from?"). A question ending in "… and what other trait?" or "…, Rocky Boiman and who else?" asks
 * one thing and is left whole. A question that is not compound costs nothing more; a compound one costs one
 * retrieval per half. Tried and not kept: one measure asked of two things ("How fast is the Cell chip compared
 * with Intel's fastest processor?" as two questions): the chip's half then quoted "…up to 10 times more powerful"
 * before the sentence with Intel's figure, where the whole question had quoted the figures.
 */
public final class CompoundQuestions implements SentenceRetriever {

    private static final String WH = "(?:what|who|whom|whose|when|where|why|how|which)";
    /** A question clause, "and", and a second clause that opens with a question word (a preposition allowed). */
    private static final Pattern COMPOUND = Pattern.compile("^((?:" + WH + "|is|are|was|were|do|does|did|can|could|"
            + "will|would|has|have|had)\\b.{6,}?)(?:,\\s*|\\s+)and\\s+((?:(?:by|in|on|at|for|from|to|with)\\s+)?"
            + WH + "\\b.{3,})$", Pattern.CASE_INSENSITIVE);

    private final SentenceRetriever delegate;
    private final double minAnswerability;
    private final FollowUpQueryTransformer context = new FollowUpQueryTransformer();

    /**
     * @param minAnswerability a half's best sentence is put first only when the half alone is at least this
     *                         likely to be answered ({@link Retrieval#answerability()}); the answerer's threshold
     */
    public CompoundQuestions(SentenceRetriever delegate, double minAnswerability) {
        this.delegate = delegate;
        this.minAnswerability = minAnswerability;
    }

    @Override
    public Retrieval retrieve(String query, int topK) {
        return retrieve(query, topK, Conversation.NONE);
    }

    @Override
    public Retrieval retrieve(String query, int topK, Conversation conversation) {
        Retrieval whole = delegate.retrieve(query, topK, conversation);
        String own = DefaultSentenceRetriever.ownQuestion(query);
        List<String> halves = halves(own);
        if (halves.size() < 2 || whole.sentences().isEmpty()) {
            return whole;
        }
        String given = query.substring(own.length()); // a follow-up's context, which applies to both halves
        Map<String, ScoredSentence> first = new LinkedHashMap<>();
        List<FusedChunk> chunks = new ArrayList<>(whole.chunks());
        for (int i = 0; i < halves.size(); i++) {
            String half = halves.get(i);
            String asked = !given.isEmpty() ? half + given
                    : i == 0 ? half : context.standalone(half, halves.subList(0, i).reversed());
            Retrieval part = delegate.retrieve(asked, topK, conversation);
            if (!part.sentences().isEmpty() && part.answerability() >= minAnswerability) {
                ScoredSentence best = part.sentences().getFirst();
                first.putIfAbsent(key(best), best);
                part.chunks().stream().filter(c -> !chunks.contains(c)).forEach(chunks::add);
            }
        }
        if (first.isEmpty()) {
            return whole;
        }
        List<ScoredSentence> sentences = new ArrayList<>(first.values());
        List<Double> likelihood = new ArrayList<>();
        first.values().forEach(s -> likelihood.add(1.0));
        List<ScoredSentence> rest = whole.sentences();
        for (int i = 0; i < rest.size(); i++) {
            if (!first.containsKey(key(rest.get(i)))) {
                sentences.add(rest.get(i));
                likelihood.add(whole.likelihood().isEmpty() ? rest.get(i).score() / rest.getFirst().score()
                        : whole.likelihood().get(i));
            }
        }
        return new Retrieval(query, chunks, sentences, whole.answerability(),
                whole.likelihood().isEmpty() ? List.of() : likelihood);
    }

    /**
     * The questions {@code question} joins with "and", each ending in a question mark; the question alone when it
     * is not compound.
     */
    static List<String> halves(String question) {
        Matcher m = COMPOUND.matcher(question.strip());
        if (!m.matches()) {
            return List.of(question);
        }
        String second = m.group(2).strip();
        return List.of(m.group(1).strip() + "?", second.endsWith("?") ? second : second + "?");
    }

    private static String key(ScoredSentence s) {
        return s.documentId() + "#" + s.sentenceIndex();
    }
}
