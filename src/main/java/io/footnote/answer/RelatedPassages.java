package io.footnote.answer;

import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.domain.Titles;
import io.footnote.retrieve.Retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The passages listed under a declined answer, so the reader sees what the articles do say.
 *
 * <p>Contract: the best {@value #RELATED} retrieved sentences in retrieval order, each wording once (ignoring
 * case and surrounding space), skipping sentences whose article is no longer indexed; scores rounded to three
 * decimals; titles are the short display titles, as on citations ({@link Titles#shortTitle}).
 */
final class RelatedPassages {

    /** Passages listed under a declined answer. */
    static final int RELATED = 3;

    private RelatedPassages() {
    }

    static List<Answer.Related> of(Retrieval retrieval, QuestionArticles articles) {
        List<Answer.Related> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScoredSentence s : retrieval.sentences()) {
            if (out.size() == RELATED) {
                break;
            }
            Optional<Document> d = articles.find(s.documentId());
            if (d.isPresent() && seen.add(s.text().strip().toLowerCase(Locale.ROOT))) {
                String title = Titles.shortTitle(d.get().title(), d.get().source());
                out.add(new Answer.Related(s.documentId(), title, s.sentenceIndex(), s.start(), s.end(), s.text(),
                        Math.round(s.score() * 1000) / 1000.0));
            }
        }
        return out;
    }
}
