package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.index.IndexedDocument;
import org.apache.lucene.util.VectorUtil;
import io.footnote.index.ArticleLookup;
import io.footnote.index.ChunkSearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranks the sentences of the top fused chunks. Each sentence is scored on four signals:
 * <ul>
 *   <li>semantic similarity: cosine of the question and sentence embeddings;</li>
 *   <li>lexical overlap: the share of the question's content-term weight (BM25 IDF) found in the sentence,
 *       which catches names and numbers that small embedding models blur;</li>
 *   <li>phrase match: the share of the question's adjacent content-term pairs found adjacent in the
 *       sentence ("2010 Christmas special"), which favours the sentence the question paraphrases;</li>
 *   <li>context: the fused score of the best chunk holding the sentence, relative to the best chunk.</li>
 * </ul>
 * plus a small bonus when the sentence holds the kind of answer the question asks for (a number for
 * "how many", a date for "when").
 */
public final class DefaultSentenceRetriever implements SentenceRetriever {

    /**
     * Weights of the signals, fitted on SQuAD v1.1 dev (1,500 questions, listwise top-1 accuracy, checked on
     * a held-out third; see the evaluation issue's note). The score is capped at 1.
     */
    static final double W_SIMILARITY = 0.30;
    static final double W_OVERLAP = 0.45;
    static final double W_BIGRAMS = 0.10;
    static final double W_CONTEXT = 0.10;
    static final double TYPE_BONUS = 0.10;

    /** Analysed forms of words that shape a question but say nothing about its topic. */
    private static final Set<String> QUESTION_WORDS = Set.of("what", "which", "who", "whom", "whose", "when",
            "where", "why", "how", "did", "do", "doe", "mani", "much", "ha", "have", "had", "i", "you", "we",
            "me", "tell", "about", "can", "could", "would", "should", "from", "after", "befor", "he", "she",
            "thei", "them", "her", "hi", "it", "its", "our", "your", "my");

    private static final Pattern NUMBER = Pattern.compile("\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\b(1[0-9]{3}|20[0-9]{2})\\b|\\b(january|february|march|april|may|june|"
            + "july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|"
            + "saturday|sunday|yesterday|today|week|month|year|century|decade)s?\\b", Pattern.CASE_INSENSITIVE);

    private final ChunkSearch search;
    private final ArticleLookup articles;
    private final HybridContentRetriever chunks;

    public <I extends ChunkSearch & ArticleLookup> DefaultSentenceRetriever(I index, HybridContentRetriever chunks) {
        this.search = index;
        this.articles = index;
        this.chunks = chunks;
    }

    @Override
    public Retrieval retrieve(String query, int topK) {
        Candidates c = candidates(query, topK);
        List<ScoredSentence> ranked = new ArrayList<>(c.candidates().size());
        for (Candidate k : c.candidates()) {
            Document doc = articles.document(k.documentId()).orElseThrow().document();
            var s = doc.sentences().get(k.sentenceIndex());
            ranked.add(new ScoredSentence(doc.id(), k.sentenceIndex(), s.start(), s.end(), s.textIn(doc.text()),
                    score(k), k.similarity(), k.overlap()));
        }
        ranked.sort(Comparator.comparingDouble(ScoredSentence::score).reversed()
                .thenComparing(ScoredSentence::documentId).thenComparingInt(ScoredSentence::sentenceIndex));
        return new Retrieval(query, c.chunks(), ranked);
    }

    /** The weighted sum of a candidate's signals, in [0, 1]. */
    static double score(Candidate c) {
        double score = W_SIMILARITY * Math.max(0, c.similarity()) + W_OVERLAP * c.overlap()
                + W_BIGRAMS * c.bigrams() + W_CONTEXT * c.context();
        if (c.typeMatch()) {
            score += TYPE_BONUS;
        }
        return Math.min(1, score);
    }

    /** The fused chunks for a question and the signals of every sentence in them (each sentence once). */
    public record Candidates(List<FusedChunk> chunks, List<Candidate> candidates) {
    }

    public Candidates candidates(String query, int topK) {
        float[] qv = chunks.embed(query);
        List<FusedChunk> fused = chunks.search(query, qv, topK);
        if (fused.isEmpty()) {
            return new Candidates(List.of(), List.of());
        }
        List<String> queryTerms = search.analyze(query).stream().filter(t -> !QUESTION_WORDS.contains(t)).toList();
        Set<String> queryBigrams = new HashSet<>();
        for (int i = 1; i < queryTerms.size(); i++) {
            queryBigrams.add(queryTerms.get(i - 1) + " " + queryTerms.get(i));
        }
        Map<String, Double> idf = new HashMap<>(search.idf(queryTerms));
        double idfTotal = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        Pattern wanted = answerType(query);
        double best = fused.get(0).score();
        Set<String> seen = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (FusedChunk f : fused) {
            Chunk c = f.chunk();
            IndexedDocument d = articles.document(c.documentId()).orElse(null);
            if (d == null) {
                continue;
            }
            for (int i = c.firstSentence(); i <= c.lastSentence(); i++) {
                if (!seen.add(c.documentId() + "#" + i)) {
                    continue; // the earlier (better) chunk already holds it
                }
                Document doc = d.document();
                String text = doc.sentenceText(i);
                List<String> terms = search.analyze(text); // once per sentence: overlap and bigrams share it
                out.add(new Candidate(doc.id(), i, VectorUtil.dotProduct(qv, d.sentenceVectors()[i]), overlap(terms, idf, idfTotal),
                        f.score() / best, wanted != null && wanted.matcher(text).find(),
                        bigramShare(terms, queryBigrams)));
            }
        }
        return new Candidates(fused, out);
    }

    static double bigramShare(List<String> terms, Set<String> queryBigrams) {
        if (queryBigrams.isEmpty()) {
            return 0;
        }
        Set<String> found = new HashSet<>();
        for (int i = 1; i < terms.size(); i++) {
            String b = terms.get(i - 1) + " " + terms.get(i);
            if (queryBigrams.contains(b)) {
                found.add(b);
            }
        }
        return found.size() / (double) queryBigrams.size();
    }

    private static double overlap(List<String> terms, Map<String, Double> idf, double idfTotal) {
        if (idfTotal <= 0) {
            return 0;
        }
        Set<String> distinct = new HashSet<>(terms);
        double hit = 0;
        for (var e : idf.entrySet()) {
            if (distinct.contains(e.getKey())) {
                hit += e.getValue();
            }
        }
        return hit / idfTotal;
    }

    /** The pattern an answer to this kind of question usually contains, or {@code null} when unknown. */
    static Pattern answerType(String question) {
        String q = question.toLowerCase(java.util.Locale.ROOT);
        if (q.matches("(?s).*\\bhow (many|much)\\b.*") || q.matches("(?s).*\\bwhat (percentage|number|amount)\\b.*")) {
            return NUMBER;
        }
        if (q.matches("(?s).*\\b(when|what year|which year|what date|what day|what month)\\b.*")) {
            return DATE;
        }
        return null;
    }
}
