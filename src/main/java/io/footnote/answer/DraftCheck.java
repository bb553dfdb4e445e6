package io.footnote.answer;

import io.footnote.cite.Citation;
import io.footnote.cite.CitationVerifier;
import io.footnote.cite.CitedAnswerBuilder;
import io.footnote.cite.ClaimVerifier;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.domain.Titles;
import io.footnote.retrieve.AnswerType;
import io.footnote.retrieve.Retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a written (not declined) draft before it is shown: its markers were renumbered by the
 * {@link CitedAnswerBuilder}; each marker becomes a {@link Citation} of the source it names, scored against the
 * answer sentences carrying it ({@link ClaimVerifier}), highlighted, and kept only when it resolves exactly to
 * its source sentence ({@link CitationVerifier}).
 *
 * <p>Contract: an empty or wholly cut-off answer is {@link UnusableAnswerException unusable}. A citation whose
 * article is no longer indexed is dropped like one that does not match its source, with its own notice; when
 * that leaves none of the answer's citations, the answer declines ({@link ExtractiveAnswerer#ABSTENTION})
 * rather than show claims whose sources are gone.
 */
final class DraftCheck {

    /** Why an answer whose every cited article was deleted meanwhile is withdrawn. */
    static final String SOURCES_GONE = "the articles it cited were removed from the index";

    private final ClaimVerifier claims;

    DraftCheck(ClaimVerifier claims) {
        this.claims = claims;
    }

    /**
     * @param writer   the answerer that wrote the draft (an extractive quote is scored by answerability)
     * @param draft    a draft that does not abstain
     * @param builder  the builder that took the draft's text, finished
     * @param articles the articles of this question
     */
    CheckedAnswer check(Answerer writer, Answerer.Draft draft, CitedAnswerBuilder builder, Retrieval retrieval,
                        QuestionArticles articles) {
        String text = builder.text();
        if (text.isBlank()) {
            throw new UnusableAnswerException(draft.complete() ? "the answer was empty"
                    : "the answer was cut off before its first sentence ended");
        }
        List<String> notices = new ArrayList<>();
        if (!draft.complete()) {
            notices.add("The answer reached the model's length limit; its unfinished last sentence was left out.");
        }
        int removedMarkers = builder.removedMarkers();
        if (removedMarkers > 0) {
            notices.add(removedMarkers + " citation marker(s) named no source and were removed.");
        }
        List<Citation> citations = new ArrayList<>();
        int gone = 0;
        List<Integer> numbers = builder.sourceNumbers();
        for (int i = 0; i < numbers.size(); i++) {
            ScoredSentence source = draft.cited().get(numbers.get(i) - 1);
            Optional<Document> article = articles.find(source.documentId());
            gone += article.isEmpty() ? 1 : 0;
            citations.add(toCitation(i + 1, source, article));
        }
        long verifyStart = System.nanoTime();
        ClaimVerifier.Result verdict = claims.verify(builder.claims(), citations.stream().map(Citation::text).toList());
        List<Citation> checked = withSupport(citations, verdict, writer instanceof ExtractiveAnswerer, retrieval);
        CitationVerifier.Result resolved = new CitationVerifier(articles::find).verify(checked);
        long verifyNanos = System.nanoTime() - verifyStart;
        if (gone > 0 && gone == citations.size()) {
            return CheckedAnswer.declined(ExtractiveAnswerer.ABSTENTION, writer.mode(), List.of("The answer was "
                    + "withdrawn: " + SOURCES_GONE + " while it was being written."));
        }
        if (gone > 0) {
            notices.add(gone + " cited article(s) were removed from the index meanwhile; their citations were dropped.");
        }
        if (resolved.rejected() > gone) {
            notices.add(resolved.rejected() - gone + " citation(s) did not match their source and were removed.");
        }
        return new CheckedAnswer(text, writer.mode(), false, resolved.valid(), verdict.unsupportedClaims(),
                verdict.supportedClaims(), removedMarkers, notices, verifyNanos);
    }

    /**
     * Each citation with its support and highlights. A quote always equals itself, so in extractive mode the
     * claim check says nothing; the support shown is instead how likely the quoted evidence answers the question
     * (calibrated answerability).
     */
    private static List<Citation> withSupport(List<Citation> citations, ClaimVerifier.Result verdict, boolean quoted,
                                              Retrieval retrieval) {
        double answerability = Math.round(retrieval.answerability() * 1000) / 1000.0;
        // The words a reader's eye should land on: what each quote supplies that the question asked for.
        AnswerType asked = AnswerType.of(retrieval.query());
        Set<String> questionWords = AnswerType.words(retrieval.query());
        List<Citation> checked = new ArrayList<>(citations.size());
        for (int i = 0; i < citations.size(); i++) {
            Citation c = citations.get(i).withSupport(verdict.supported().get(i),
                    quoted ? answerability : verdict.support().get(i));
            checked.add(c.withHighlights(asked.focus(c.text(), questionWords)));
        }
        return checked;
    }

    /** The citation of {@code s}; with no article left, one the source check will reject (it names none). */
    private static Citation toCitation(int id, ScoredSentence s, Optional<Document> article) {
        double score = Math.round(s.score() * 1000) / 1000.0;
        return article.map(d -> new Citation(id, d.id(), Titles.shortTitle(d.title(), d.source()), d.date(),
                        s.sentenceIndex(), s.start(), s.end(), s.text(), score))
                .orElseGet(() -> new Citation(id, s.documentId(), null, null, s.sentenceIndex(), s.start(), s.end(),
                        s.text(), score));
    }
}
