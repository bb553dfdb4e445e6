package io.footnote.retrieve;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.index.IndexedDocument;
import io.footnote.index.LuceneIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranks the sentences of the top fused chunks. Each sentence is scored on three signals:
 * <ul>
 *   <li>semantic similarity: cosine of the question and sentence embeddings;</li>
 *   <li>lexical overlap: the share of the question's content-term weight (BM25 IDF) found in the sentence,
 *       which catches names and numbers that small embedding models blur;</li>
 *   <li>context: the fused score of the best chunk holding the sentence, relative to the best chunk.</li>
 * </ul>
 * plus a small bonus when the sentence holds the kind of answer the question asks for (a number for
 * "how many", a date for "when").
 */
public final class DefaultSentenceRetriever implements SentenceRetriever {

    /** Weights of the signals; they sum to 1 so the score stays in [0, 1]. */
    static final double W_SIMILARITY = 0.45;
    static final double W_OVERLAP = 0.40;
    static final double W_CONTEXT = 0.15;
    static final double TYPE_BONUS = 0.05;

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

    private final LuceneIndex index;
    private final HybridContentRetriever chunks;

    public DefaultSentenceRetriever(LuceneIndex index, HybridContentRetriever chunks) {
        this.index = index;
        this.chunks = chunks;
    }

    @Override
    public Retrieval retrieve(String query, int topK) {
        float[] qv = chunks.embed(query);
        List<FusedChunk> fused = chunks.search(query, qv, topK);
        if (fused.isEmpty()) {
            return new Retrieval(query, List.of(), List.of());
        }
        Map<String, Double> idf = questionTermWeights(query);
        double idfTotal = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        Pattern wanted = answerType(query);
        double best = fused.get(0).score();

        Map<String, ScoredSentence> byKey = new HashMap<>();
        for (FusedChunk f : fused) {
            Chunk c = f.chunk();
            IndexedDocument d = index.document(c.documentId()).orElse(null);
            if (d == null) {
                continue;
            }
            double context = f.score() / best;
            for (int i = c.firstSentence(); i <= c.lastSentence(); i++) {
                String key = c.documentId() + "#" + i;
                if (byKey.containsKey(key)) {
                    continue; // the earlier (better) chunk already scored it
                }
                byKey.put(key, score(d, i, qv, idf, idfTotal, wanted, context));
            }
        }
        List<ScoredSentence> ranked = new ArrayList<>(byKey.values());
        ranked.sort(Comparator.comparingDouble(ScoredSentence::score).reversed()
                .thenComparing(ScoredSentence::documentId).thenComparingInt(ScoredSentence::sentenceIndex));
        return new Retrieval(query, fused, ranked);
    }

    private ScoredSentence score(IndexedDocument d, int i, float[] qv, Map<String, Double> idf, double idfTotal,
                                 Pattern wanted, double context) {
        Document doc = d.document();
        String text = doc.sentenceText(i);
        double similarity = dot(qv, d.sentenceVectors()[i]);
        double overlap = 0;
        if (idfTotal > 0) {
            Set<String> terms = new HashSet<>(index.analyze(text));
            double hit = 0;
            for (var e : idf.entrySet()) {
                if (terms.contains(e.getKey())) {
                    hit += e.getValue();
                }
            }
            overlap = hit / idfTotal;
        }
        double score = W_SIMILARITY * Math.max(0, similarity) + W_OVERLAP * overlap + W_CONTEXT * context;
        if (wanted != null && wanted.matcher(text).find()) {
            score += TYPE_BONUS;
        }
        var s = doc.sentences().get(i);
        return new ScoredSentence(doc.id(), i, s.start(), s.end(), text, Math.min(1, score), similarity, overlap);
    }

    /** IDF of each distinct content term of the question. */
    private Map<String, Double> questionTermWeights(String query) {
        Map<String, Double> idf = new HashMap<>();
        for (String t : new LinkedHashSet<>(index.analyze(query))) {
            if (!QUESTION_WORDS.contains(t)) {
                idf.put(t, index.idf(t));
            }
        }
        return idf;
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

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
