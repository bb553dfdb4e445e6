package io.footnote.retrieve;

import io.footnote.domain.Document;

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
 *                 it ("677,000 copies"; {@link AnswerType#countsNear})
 * @param lead     the sentence opens an article that has no headline ({@link Document#headlined}): the first
 *                 sentence of the body, not a title
 * @param fromBefore the share of the question's content-term weight (IDF) that only the sentence before adds:
 *                 the sentence carries on from an echo of the question next door ("ITV Tyne Tees was based at
 *                 City Road…" / "In 2005 it moved to…")
 */
public record AnswerCues(AnswerType wanted, boolean typeNear, boolean cause, boolean counts, boolean lead,
                         double fromBefore) {

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
}
