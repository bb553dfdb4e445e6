package io.footnote.retrieve;

/**
 * What says whether a candidate sentence <em>answers</em> its question rather than echoes it, beyond the
 * signals of {@link Candidate}: weighed by {@link SentenceRanker}.
 *
 * @param wanted   the kind of answer the question asks for ({@link AnswerType#of})
 * @param typeNear the asked-for kind of answer stands within a few words of one of the question's content words
 *                 ("28 million users" for "How many users…"; {@link AnswerType#suppliedNear})
 */
public record AnswerCues(AnswerType wanted, boolean typeNear) {

    /** No cues: a question that asks for nothing specific. */
    public static final AnswerCues NONE = new AnswerCues(AnswerType.OTHER, false);
}
