package io.footnote.retrieve;

import io.footnote.domain.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What says whether a candidate sentence <em>answers</em> its question rather than echoes it, beyond the
 * signals of {@link Candidate}: weighed by {@link SentenceRanker}.
 *
 * @param wanted   the kind of answer the question asks for ({@link AnswerType#of})
 * @param typeNear the asked-for kind of answer stands within a few words of one of the question's content words
 *                 ("28 million users" for "How many users…"; {@link AnswerType#suppliedNear})
 * @param cause    the question asks why and the sentence states a cause outright ("because", "due to", "in order
 *                 to"…; {@link AnswerType#statesCause})
 * @param counts   the question counts something named ("how many copies") and the sentence gives a number with
 *                 it ("677,000 copies"; {@link AnswerType#countsNear}), or the question measures a dimension and the
 *                 sentence gives a number in its unit ("at 70mph"; {@link Measure#givenBy})
 * @param lead     the sentence opens an article that has no headline ({@link Document#headlined}): the first
 *                 sentence of the body, not a title
 * @param fromBefore the share of the question's content-term weight (IDF) that only the sentence before adds:
 *                 the sentence carries on from an echo of the question next door ("ITV Tyne Tees was based at
 *                 City Road…" / "In 2005 it moved to…")
 * @param ordinary the share of the content-term weight (IDF) of the question's {@linkplain #ordinaryWords
 *                 ordinary words} that the sentence itself states: what the question asks of its subject
 *                 ("aired", "renamed" in "What network aired Super Bowl 50?"), which the sentence that answers
 *                 restates, while a sentence that only names the subject, as most of its article's do, does not
 * @param placesAt the question asks where and the sentence places something at a name the question lacks ("born
 *                 in Newcastle"; {@link AnswerType#placesAt})
 */
public record AnswerCues(AnswerType wanted, boolean typeNear, boolean cause, boolean counts, boolean lead,
                         double fromBefore, double ordinary, boolean placesAt) {

    /** Cues of a sentence that places nothing at a name the question lacks. */
    public AnswerCues(AnswerType wanted, boolean typeNear, boolean cause, boolean counts, boolean lead,
                      double fromBefore, double ordinary) {
        this(wanted, typeNear, cause, counts, lead, fromBefore, ordinary, false);
    }

    /** Cues of a sentence that states none of the question's ordinary words. */
    public AnswerCues(AnswerType wanted, boolean typeNear, boolean cause, boolean counts, boolean lead,
                      double fromBefore) {
        this(wanted, typeNear, cause, counts, lead, fromBefore, 0);
    }

    /** Cues of a sentence to which the sentence before it adds none of the question's words. */
    public AnswerCues(AnswerType wanted, boolean typeNear, boolean cause, boolean counts, boolean lead) {
        this(wanted, typeNear, cause, counts, lead, 0);
    }

    /** No cues: a question that asks for nothing specific. */
    public static final AnswerCues NONE = new AnswerCues(AnswerType.OTHER, false, false, false);

    /** Cues of a question that neither asks why nor counts something named. */
    public AnswerCues(AnswerType wanted, boolean typeNear) {
        this(wanted, typeNear, false, false);
    }

    /** Cues of a sentence that is not the lead of an article without a headline. */
    public AnswerCues(AnswerType wanted, boolean typeNear, boolean cause, boolean counts) {
        this(wanted, typeNear, cause, counts, false);
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * Words that shape a question ("What is the name of…", "What type of…") rather than say what it asks, and the
     * prepositions and adverbs the analyser keeps ("over", "after", "also"), which any sentence may hold.
     */
    private static final Set<String> QUESTION_FORMS = Set.of("name", "names", "named", "called", "type", "types",
            "kind", "kinds", "sort", "over", "under", "after", "before", "about", "above", "below", "between",
            "among", "through", "during", "without", "within", "against", "across", "around", "onto", "upon", "since",
            "until", "than", "also", "just", "very", "only", "even", "still", "then", "there", "here", "now", "up",
            "down", "out", "off", "so", "too", "more", "most", "some", "any", "all", "other", "own");

    /**
     * The question's ordinary words, in order: those it writes in lower case (or as digits) after its first
     * word, less {@link #QUESTION_FORMS}. Not its names: the subject's name ("Super Bowl", "Luther") is stated
     * by every sentence of the article about it, so it cannot tell the one that answers from one that echoes;
     * the ordinary words say what is asked of the subject. Function words stay in: the analyser drops them.
     */
    public static List<String> ordinaryWords(String question) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(question);
        boolean first = true;
        while (m.find()) {
            String w = m.group();
            boolean opening = first;
            first = false;
            if (opening || Character.isUpperCase(w.codePointAt(0))) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            if (!QUESTION_FORMS.contains(lower)) {
                out.add(lower);
            }
        }
        return out;
    }
}
