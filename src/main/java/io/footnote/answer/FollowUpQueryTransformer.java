package io.footnote.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import io.footnote.retrieve.DefaultSentenceRetriever;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a follow-up question standalone without a language model. A question is a follow-up when the
 * conversation has an earlier user question and this one leans on it: it uses a pronoun or demonstrative
 * ("she", "they", "that", …), opens with "and"/"what about"/"how about", is very short, or names nothing of
 * its own ("Which companies were accused?"). The rewrite
 * appends the subject of the conversation — the capitalised names of the user's most recent earlier question
 * that names anything — as context: "What did she say next? (context: Mao Ning)". The user's own words are
 * used, not the assistant's answers (with one exception below): names in an answer are what was already found,
 * and carrying them over pulls retrieval back to the same answer ("What did he advise migrants?" after "Who is Chen
 * Chuangchuang?" must not be about the other people the first answer happened to mention). With no name in
 * the user's earlier questions (or only a short one such as "US"), the previous question itself is appended.
 * The exception: when the latest earlier question asked who did something ("Who stars in
 * Ray?") and the follow-up says "he" or "she", the person is the one the answer named ("…best actor for Jamie
 * Foxx"), so that name is added to the user's subject: "Which awards has he won? (context: Ray, Jamie Foxx)".
 * Asked about someone named ("Who did Lleyton Hewitt beat?", "Who is Chen Chuangchuang?"), "he" is that person
 * and the answer is not read.
 * The ranker reads the appended context back by {@link DefaultSentenceRetriever#CONTEXT_MARK}. Other questions
 * pass through unchanged.
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
        List<String> asked = userQuestions(history);
        if (asked.isEmpty() || !isFollowUp(question)) {
            return List.of(query);
        }
        return List.of(Query.from(standalone(question, asked, lastAnswer(history)), query.metadata()));
    }

    /**
     * {@code question} made standalone given {@code asked}, the user's earlier questions, most recent first;
     * unchanged when it is no follow-up or nothing was asked before. What {@link #transform} does, for a caller
     * that holds the questions as text.
     */
    String standalone(String question, List<String> asked) {
        return standalone(question, asked, null);
    }

    /**
     * As {@link #standalone(String, List)}, with {@code answered}, the assistant's reply to the latest earlier
     * question (null when there was none), read only to find who "he" or "she" is after a question that asked who
     * did something.
     */
    String standalone(String question, List<String> asked, String answered) {
        if (asked.isEmpty() || !isFollowUp(question)) {
            return question;
        }
        String lower = question.toLowerCase(Locale.ROOT);
        String context = asked.getFirst();
        for (String earlier : asked) { // most recent first: the subject is the latest question that names one
            List<String> names = new java.util.ArrayList<>(names(earlier));
            names.removeIf(n -> lower.contains(n.toLowerCase(Locale.ROOT)));
            if (!names.isEmpty()) {
                // "US" alone is no subject ("…the US government seeking from the tobacco companies?"): the question is;
                // a short name written as a name is one ("Who stars in Ray?")
                context = names.stream().anyMatch(FollowUpQueryTransformer::subject) ? String.join(", ", names) : earlier;
                break;
            }
        }
        String person = PERSONAL.matcher(lower).find() && asksDoer(asked.getFirst())
                ? person(answered, asked.getFirst()) : null;
        if (person != null && !lower.contains(person.toLowerCase(Locale.ROOT))) {
            context = context + ", " + person;
        }
        return question + DefaultSentenceRetriever.CONTEXT_MARK + context + ")";
    }

    /**
     * True when {@code question} asks who did something, "who" being the doer ("Who stars in Ray?", "Who is buying
     * the Savoy?", "Who was elected?"), or who holds a role it describes ("Who is the Chinese minister of public
     * security?": the answer names the person), not whom someone named acted on ("Who did Hewitt beat?") nor who
     * someone named is ("Who is Chen Chuangchuang?").
     */
    static boolean asksDoer(String question) {
        Matcher m = WHO.matcher(question.strip());
        if (!m.find()) {
            return false;
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT);
        if (DO_SUPPORT.matcher(verb).matches()) {
            return false;
        }
        // "is"/"was"/"has" open a doer's verb only before a participle ("is buying", "was elected", "has won"),
        // written in lower case: "Who is Chen…" names someone; before an article they describe a role whose
        // holder the answer names ("Who is the minister…", "Who was the first…", "Who has the record…")
        return !BE_HAVE.matcher(verb).matches() || m.group(2) != null
                && (PARTICIPLE.matcher(m.group(2)).matches() || ARTICLE.matcher(m.group(2)).matches());
    }

    /**
     * The person {@code answer} names that {@code question} did not: its first name of two or more capitalised
     * words that is no institution's ("Mao Ning", not "Chinese Foreign Ministry"); null when it names none.
     */
    static String person(String answer, String question) {
        String asked = question.toLowerCase(Locale.ROOT);
        for (String name : names(answer)) {
            String[] words = name.split("\\s+");
            if (words.length >= 2 && !name.equals(name.toUpperCase(Locale.ROOT))
                    && java.util.Arrays.stream(words).noneMatch(w -> INSTITUTION.matcher(w).matches())
                    && java.util.Arrays.stream(words).noneMatch(w -> asked.contains(w.toLowerCase(Locale.ROOT)))) {
                return name;
            }
        }
        return null;
    }

    /** Words of an institution's or an event's name, never of a person's. */
    private static final Pattern INSTITUTION = Pattern.compile("(?i)ministry|department|office|council|committee|"
            + "court|university|college|school|party|bank|company|group|association|federation|union|league|club|"
            + "church|government|parliament|assembly|agency|institute|foundation|commission|corporation|inc|ltd|"
            + "foreign|national|international|federal|royal|united|states|open|cup|championship|awards?|games|"
            + "news|times|post|house|street|city");
    private static final Pattern PERSONAL = Pattern.compile("\\b(he|she|him|her|hers|his)\\b");
    private static final Pattern WHO = Pattern.compile("^(?i:who)\\s+([\\p{L}'’]+)(?:\\s+([\\p{L}'’]+))?");
    private static final Pattern DO_SUPPORT = Pattern.compile("did|does|do|will|would|can|could|should|shall|may|might|must");
    private static final Pattern ARTICLE = Pattern.compile("the|a|an");
    private static final Pattern BE_HAVE = Pattern.compile("is|was|are|were|has|have|had|be|'s|’s");
    private static final Pattern PARTICIPLE = Pattern.compile("\\p{Ll}+(ing|ed)|won|made|built|led|sold|bought|held|"
            + "taught|brought|found|told|sent|given|written|chosen|known");

    /**
     * Whether a name can stand for the conversation's subject: any but a short abbreviation ("US", "UK", "EU"),
     * which qualifies a subject rather than being one.
     */
    static boolean subject(String name) {
        return name.length() > 3 || !name.equals(name.toUpperCase(Locale.ROOT));
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

    static boolean isFollowUp(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return ANAPHOR.matcher(q).find() || OPENER.matcher(q).find()
                || q.split("\\s+").length <= SHORT_WORDS || namesNothing(question);
    }

    /**
     * True when the question names nothing of its own: no capitalised word past its first, no digit. "Which
     * companies were accused?" or "What was the score?" asked in a conversation is about the conversation's
     * subject; a new subject is nearly always named ("What is the capital of Australia?").
     */
    static boolean namesNothing(String question) {
        String rest = question.strip().replaceFirst("^\\S+", "");
        return rest.codePoints().noneMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    /** The assistant's reply to the user's latest question in {@code history}; null when there is none. */
    private static String lastAnswer(List<ChatMessage> history) {
        String answer = null;
        for (ChatMessage m : history) {
            if (m instanceof UserMessage) {
                answer = null;
            } else if (m instanceof dev.langchain4j.data.message.AiMessage a && a.text() != null) {
                answer = a.text();
            }
        }
        return answer;
    }

    /** The user's earlier questions, most recent first (the assistant's turns are left out on purpose). */
    private static List<String> userQuestions(List<ChatMessage> history) {
        List<String> out = new java.util.ArrayList<>();
        if (history == null) {
            return out;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage u && u.hasSingleText() && !u.singleText().isBlank()) {
                out.add(u.singleText().strip());
            }
        }
        return out;
    }
}
