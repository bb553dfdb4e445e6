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
import java.util.Optional;
import java.util.Set;

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
 * plus novelty (an echo of the question's own words is not its answer). Each candidate also carries the
 * signals {@link Answerability} weighs: whether it supplies the asked-for kind of answer ({@link AnswerType}),
 * its neighbours' echo of the question, and the coverage of the question's rare terms in its window.
 * The sentences are then ordered by {@link SentenceRanker} (the score plus whether a sentence supplies the
 * asked-for kind of answer near the question's words, fitted): the score stays each sentence's relevance.
 */
public final class DefaultSentenceRetriever implements SentenceRetriever {

    /**
     * Weights of the signals, refitted (coordinate search for top-1 "sentence holds the answer") on SQuAD v1.1
     * dev, seed-42 sample, questions about even-numbered articles; on the odd-numbered ones top-1 went from
     * 0.804 to 0.807, and on the SQuAD v2.0 dev half (other articles) see docs/answer-quality.md. The answer-type
     * bonus and the neighbour-echo weight came out at zero on SQuAD, whose sentences nearly all hold names and numbers;
     * the answer type still counts in {@link Answerability}. A little novelty helps: an echo of the question is
     * not its answer. The score is capped at 1.
     */
    static final double W_SIMILARITY = 0.35;
    static final double W_OVERLAP = 0.35;
    static final double W_BIGRAMS = 0.05;
    static final double W_CONTEXT = 0.05;
    static final double TYPE_BONUS = 0.0;
    /** Weight of novelty (share of the sentence's terms the question lacks). */
    static final double W_NOVELTY = 0.05;
    /** Weight of a neighbouring echo's overlap, for a sentence that supplies the asked-for kind of answer. */
    static final double W_NEIGHBOUR = 0.0;

    /**
     * What a follow-up's sentence score is multiplied by when its article never names the conversation's subject
     * ({@link Mentions#statesSubject}): such a sentence answers a like-worded question about something else. Not
     * fitted; any value well below 1 puts on-subject sentences first, as the BBC golden set's follow-ups need.
     */
    static final double OFF_SUBJECT_FACTOR = 0.5;
    /**
     * How many of the ranker's first sentences may state what the sentence answerability is judged on lacks (the
     * negation a negated question asks about, the word whose opposite it states): as many as the extractive answer
     * quotes at most.
     */
    static final int EVIDENCE_WITHIN = 3;
    /**
     * What a sentence's score is multiplied by when its article never states one of the question's names or
     * numbers ({@link Mentions#uncovered}): the same rule {@link Answerability} applies to the best sentence, applied
     * to every candidate, so that evidence about what the question names ranks above a like-worded sentence about
     * something else ("Who scored all of Ireland's points against Argentina?": the match against South Africa's
     * "Ronan O'Gara scored all Ireland's points" scored higher than "O'Gara kicked all of Ireland's points" from the
     * Argentina match, and the question was declined for lacking "Argentina"). Not fitted: the follow-up rule's
     * value; SQuAD cannot measure it (its questions' names are in their one article).
     */
    static final double OFF_MENTION_FACTOR = 0.5;

    /** Analysed forms of words that shape a question but say nothing about its topic. */
    static final Set<String> QUESTION_WORDS = Set.of("what", "which", "who", "whom", "whose", "when",
            "where", "why", "how", "did", "do", "doe", "mani", "much", "ha", "have", "had", "i", "you", "we",
            "me", "tell", "about", "can", "could", "would", "should", "from", "after", "befor", "he", "she",
            "thei", "them", "her", "hi", "it", "its", "our", "your", "my");

    private final ChunkSearch search;
    private final ArticleLookup articles;
    private final HybridContentRetriever chunks;
    private final Mentions mentions;

    public <I extends ChunkSearch & ArticleLookup> DefaultSentenceRetriever(I index, HybridContentRetriever chunks) {
        this.search = index;
        this.articles = index;
        this.chunks = chunks;
        this.mentions = new Mentions(index);
    }

    @Override
    public Retrieval retrieve(String query, int topK) {
        return retrieve(query, topK, Conversation.NONE);
    }

    @Override
    public Retrieval retrieve(String query, int topK, Conversation conversation) {
        Candidates c = candidates(query, topK, conversation);
        List<ScoredSentence> ranked = new ArrayList<>(c.candidates().size());
        Map<String, Candidate> byKey = new HashMap<>();
        // Each article looked up once; one deleted since the search (possible on a shared OpenSearch index) is
        // left out rather than failing the question.
        Map<String, Optional<IndexedDocument>> docs = new HashMap<>();
        String own = ownQuestion(query);
        String subject = own.length() < query.length() ? query.substring(own.length() + CONTEXT_MARK.length()) : null;
        Map<String, Boolean> onSubject = new HashMap<>();
        List<String> named = Mentions.of(query); // once: every candidate article is checked for them
        Map<String, Integer> unstated = new HashMap<>();
        Map<String, Double> ownScores = new HashMap<>();
        for (Candidate k : c.candidates()) {
            Optional<IndexedDocument> found = docs.computeIfAbsent(k.documentId(), articles::document);
            if (found.isEmpty()) {
                continue;
            }
            Document doc = found.get().document();
            var s = doc.sentences().get(k.sentenceIndex());
            double score = score(k);
            double cut = 1;
            if (subject != null && !onSubject.computeIfAbsent(doc.id(),
                    id -> conversation.articles().contains(id) || mentions.statesSubject(subject, doc))) {
                cut *= OFF_SUBJECT_FACTOR;
            }
            if (unstated.computeIfAbsent(doc.id(), id -> mentions.uncovered(named, doc)) > 0) {
                cut *= OFF_MENTION_FACTOR;
            }
            score *= cut;
            ownScores.put(doc.id() + "#" + k.sentenceIndex(), score(c.own(k)) * cut);
            ranked.add(new ScoredSentence(doc.id(), k.sentenceIndex(), s.start(), s.end(), s.textIn(doc.text()),
                    score, k.similarity(), k.overlap()));
            byKey.put(doc.id() + "#" + k.sentenceIndex(), k);
        }
        // Ordered by the fitted ranker (the sentence likeliest to hold the answer first); each keeps its combined
        // relevance score, which the thresholds downstream and Answerability read.
        Map<String, Double> order = new HashMap<>();
        // (with the score each sentence was given: a follow-up's off-subject sentence, or one whose article never
        // states a name the question states, ranks on its cut score)
        for (ScoredSentence r : ranked) {
            String key = r.documentId() + "#" + r.sentenceIndex();
            order.put(key, SentenceRanker.rank(byKey.get(key), r.score()));
        }
        ranked.sort(Comparator.<ScoredSentence>comparingDouble(s -> -order.get(s.documentId() + "#" + s.sentenceIndex()))
                .thenComparing(ScoredSentence::documentId).thenComparingInt(ScoredSentence::sentenceIndex));
        if (ranked.isEmpty()) {
            return new Retrieval(query, c.chunks(), ranked, 0);
        }
        // Answerability was fitted on the best-scoring sentence's signals, so it still reads that sentence (not
        // always the ranker's first): judged on the ranker's first, which more often supplies a number or date,
        // it declined fewer of SQuAD 2.0's unanswerable questions (0.161 -> 0.145, seed 42) at the same threshold.
        // Judged on each sentence's own words: answerability was fitted without the title's terms, which lift every
        // sentence of an on-topic article alike (on the BBC set they declined fewer out-of-corpus questions and
        // more answerable ones when counted).
        ScoredSentence top = ranked.stream().min(Comparator.<ScoredSentence>comparingDouble(
                        s -> ownScores.get(s.documentId() + "#" + s.sentenceIndex())).reversed()
                .thenComparing(ScoredSentence::documentId).thenComparingInt(ScoredSentence::sentenceIndex)).orElseThrow();
        IndexedDocument topDoc = docs.get(top.documentId()).orElseThrow(); // present: it was ranked
        Candidate best = c.own(byKey.get(top.documentId() + "#" + top.sentenceIndex()));
        double bestScore = score(best); // as fitted: without the off-subject cut, which counts as a mention below
        if (c.queryVector() != null) {
            // A follow-up: whether it is answered is judged on the question with its context ("What was the
            // score?" alone resembles nothing), though the sentence was chosen on the question alone.
            best = best.withSimilarity(VectorUtil.dotProduct(c.queryVector(), topDoc.sentenceVectors()[top.sentenceIndex()]));
        }
        // A follow-up whose best article never names the conversation's subject leaves a mention unstated too.
        int uncovered = unstated.get(top.documentId()) // computed for every ranked article above
                + (subject != null && !onSubject.get(top.documentId()) ? 1 : 0)
                + (negationUnstated(own, top, ranked) ? 1 : 0)
                + (contradicted(own, top, ranked) ? 1 : 0)
                + (substituted(own, top, ranked) ? 1 : 0);
        // Only when nothing else is unstated: the cuts do not stack.
        int distant = uncovered == 0 ? mentions.distant(named, topDoc.document(), top.sentenceIndex()) : 0;
        ScoredSentence first = ranked.getFirst();
        boolean given = supplied(c.answerType(), top, first, AnswerType.words(query));
        double answerability = Answerability.of(best, bestScore, c.answerType(), uncovered, distant, given);
        double lead = order.get(first.documentId() + "#" + first.sentenceIndex());
        List<Double> likelihood = ranked.stream()
                .map(s -> Math.exp(order.get(s.documentId() + "#" + s.sentenceIndex()) - lead)).toList();
        return new Retrieval(query, c.chunks(), ranked, answerability, likelihood);
    }

    /**
     * Whether the evidence gives the asked-for kind of answer ({@link AnswerType#givenBy}, lenient for places): the
     * sentence answerability is judged on, or the sentence the answer quotes first when it is that sentence's
     * neighbour. An echo of the question is often followed by the fact it leads to ("US interest rates are expected
     * to rise…" / "Borrowing costs are tipped to rise … to 2.25%."): the pair answers, though the echo alone gives
     * no number. A first sentence elsewhere does not count: on an on-topic corpus some sentence always gives a
     * number.
     */
    static boolean supplied(AnswerType type, ScoredSentence judged, ScoredSentence first, Set<String> questionWords) {
        if (type.givenBy(judged.text(), questionWords)) {
            return true;
        }
        return first.documentId().equals(judged.documentId())
                && Math.abs(first.sentenceIndex() - judged.sentenceIndex()) == 1
                && type.givenBy(first.text(), questionWords);
    }

    /**
     * True when the sentence answerability is judged on states the opposite of a word of the question ({@link
     * Contrast}: "What is the lowest court…?" against "…is the highest court…") and none of the first {@link
     * #EVIDENCE_WITHIN} the answer would quote states that word: the evidence is about the other end.
     */
    static boolean contradicted(String question, ScoredSentence judged, List<ScoredSentence> ranked) {
        return Contrast.contradicted(question, judged.text())
                .filter(w -> ranked.stream().limit(EVIDENCE_WITHIN).noneMatch(s -> Contrast.states(s.text(), w)))
                .isPresent();
    }

    /**
     * True when the sentence answerability is judged on says of another thing what the question asks of one
     * ({@link Substitution}: "…from an American ship?" against "…from a European ship") and none of the first
     * {@link #EVIDENCE_WITHIN} the answer would quote states the question's word: the evidence is about the other.
     */
    static boolean substituted(String question, ScoredSentence judged, List<ScoredSentence> ranked) {
        return Substitution.replaced(question, judged.text())
                .filter(w -> ranked.stream().limit(EVIDENCE_WITHIN).noneMatch(s -> Substitution.states(s.text(), w)))
                .isPresent();
    }

    /**
     * True when the question asks about what is not so ({@link Negation#asked}) and neither the sentence
     * answerability is judged on nor any of the first {@link #EVIDENCE_WITHIN} the answer would quote states a
     * negation: "Which group can not meet at other locations in Scotland?" against "Committees can also meet at
     * other locations throughout Scotland." The question then states something its evidence never does, as when
     * it names what the article never names. So does a question about what is "non-" something whose evidence
     * says neither "non" nor a plain "not" ({@link Negation#prefixAsked}).
     */
    static boolean negationUnstated(String question, ScoredSentence judged, List<ScoredSentence> ranked) {
        if (Negation.prefixAsked(question) && !Negation.prefixStated(judged.text())
                && ranked.stream().limit(EVIDENCE_WITHIN).noneMatch(s -> Negation.prefixStated(s.text()))) {
            return true; // "…as a result of non-imperialism?" against evidence on imperialism
        }
        if (!Negation.asked(question) || Negation.stated(judged.text())) {
            return false;
        }
        return ranked.stream().limit(EVIDENCE_WITHIN).noneMatch(s -> Negation.stated(s.text()));
    }

    /**
     * How many of the question's mentions (names, numbers, years: {@link Mentions#of}) the article never
     * states; what {@link Answerability} weighs for the best sentence's article.
     */
    public int uncoveredMentions(String query, Document doc) {
        return mentions.uncovered(query, doc);
    }

    /**
     * The weighted sum of a candidate's signals, in [0, 1]: its relevance, which the answerers' score floors and
     * {@link Answerability} read (the order of the sentences is {@link SentenceRanker}'s).
     */
    public static double score(Candidate c) {
        double score = W_SIMILARITY * Math.max(0, c.similarity()) + W_OVERLAP * c.overlap()
                + W_BIGRAMS * c.bigrams() + W_CONTEXT * c.context();
        score += W_NOVELTY * c.novelty();
        if (c.typeMatch()) {
            score += TYPE_BONUS + W_NEIGHBOUR * c.neighbour();
        }
        return Math.min(1, score);
    }

    /**
     * The fused chunks for a question and the signals of every sentence in them (each sentence once).
     *
     * @param queryVector for a follow-up, the embedding of the question with its context (its candidates'
     *                    similarities are to the question alone); null otherwise
     */
    public record Candidates(List<FusedChunk> chunks, List<Candidate> candidates, AnswerType answerType,
                             float[] queryVector, Map<String, Double> ownOverlaps) {

        /**
         * The candidate with the overlap of its own words (the terms its article's title lends it left out):
         * what {@link Answerability} was fitted on, and what judges whether the articles answer at all.
         */
        Candidate own(Candidate c) {
            Double own = ownOverlaps.get(c.documentId() + "#" + c.sentenceIndex());
            return own == null ? c : c.withOverlap(own);
        }
    }

    /**
     * What a follow-up's rewrite appends: the conversation's subject, "(context: Lleyton Hewitt, Sydney)". It
     * finds the article; within the article it must not pick the sentence, or the one that names the subject
     * most (usually the opening, often the previous answer) wins over the one that answers.
     */
    public static final String CONTEXT_MARK = " (context: ";
    /** How much a context term weighs, against the question's own terms, in the sentence-level overlap. */
    static final double CONTEXT_WEIGHT = 0.25;

    /** The question as the user wrote it: a follow-up's appended context cut off. */
    public static String ownQuestion(String query) {
        int context = query.lastIndexOf(CONTEXT_MARK);
        return context >= 0 ? query.substring(0, context) : query;
    }

    public Candidates candidates(String query, int topK) {
        return candidates(query, topK, Conversation.NONE);
    }

    /**
     * As {@link #candidates(String, int)}; a follow-up's candidates also hold every sentence of the articles its
     * conversation was answered from ({@link Conversation}), those the fused chunks did not reach with no
     * {@code context} signal.
     */
    public Candidates candidates(String query, int topK, Conversation conversation) {
        String own = ownQuestion(query);
        boolean followUp = own.length() < query.length();
        float[] qv = chunks.embed(query);
        List<FusedChunk> fused = chunks.search(query, qv, topK);
        if (fused.isEmpty() && !(followUp && conversation.known())) {
            return new Candidates(List.of(), List.of(), AnswerType.of(own), null, Map.of());
        }
        // Sentences are compared with what the user asked; the context only chose the chunks (see CONTEXT_MARK).
        float[] sv = followUp ? chunks.embed(own) : qv;
        List<String> queryTerms = search.analyze(own).stream().filter(t -> !QUESTION_WORDS.contains(t)).toList();
        Set<String> queryBigrams = new HashSet<>();
        for (int i = 1; i < queryTerms.size(); i++) {
            queryBigrams.add(queryTerms.get(i - 1) + " " + queryTerms.get(i));
        }
        Map<String, Double> idf = new HashMap<>(search.idf(queryTerms));
        List<String> contextTerms = followUp ? search.analyze(query.substring(own.length())).stream()
                .filter(t -> !QUESTION_WORDS.contains(t) && !idf.containsKey(t)).toList() : List.of();
        if (!contextTerms.isEmpty()) {
            search.idf(contextTerms).forEach((t, w) -> idf.put(t, w * CONTEXT_WEIGHT));
        }
        double idfTotal = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> idf2 = new HashMap<>();
        idf.forEach((t, w) -> idf2.put(t, w * w));
        double idf2Total = idf2.values().stream().mapToDouble(Double::doubleValue).sum();
        // The weight of the question's ordinary words (what it asks of its subject, not the subject's names):
        // stated by the sentence that answers, and not by one that only names the subject (AnswerCues#ordinary).
        Map<String, Double> ordinaryIdf = new HashMap<>();
        for (String w : AnswerCues.ordinaryWords(own)) {
            for (String t : search.analyze(w)) {
                if (idf.containsKey(t) && !QUESTION_WORDS.contains(t)) {
                    ordinaryIdf.put(t, idf.get(t));
                }
            }
        }
        double ordinaryTotal = ordinaryIdf.values().stream().mapToDouble(Double::doubleValue).sum();
        AnswerType wanted = AnswerType.of(own);
        boolean why = AnswerType.asksWhy(own);
        Set<String> counted = AnswerType.countedNouns(own);
        Measure measure = Measure.asked(own);
        Set<String> questionWords = AnswerType.words(query);
        Set<String> questionTerms = new HashSet<>(queryTerms);
        questionTerms.addAll(contextTerms); // the subject's names are not news in a sentence either
        double best = fused.isEmpty() ? 1 : fused.get(0).score();
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> analysed = new HashMap<>();
        Map<String, List<String>> titleTerms = new HashMap<>();
        Map<String, Double> ownOverlaps = new HashMap<>();
        List<Candidate> out = new ArrayList<>();
        List<Span> spans = new ArrayList<>(fused.size() + conversation.articles().size());
        for (FusedChunk f : fused) {
            Chunk c = f.chunk();
            spans.add(new Span(c.documentId(), c.firstSentence(), c.lastSentence(), f.score() / best));
        }
        if (followUp) {
            // Sorted: the order of candidates must not depend on a set's iteration order.
            conversation.articles().stream().sorted().forEach(id -> spans.add(new Span(id, 0, Integer.MAX_VALUE, 0)));
        }
        for (Span f : spans) {
            IndexedDocument d = articles.document(f.documentId()).orElse(null);
            if (d == null) {
                continue;
            }
            Document doc = d.document();
            int last = Math.min(f.last(), doc.sentences().size() - 1);
            for (int i = f.first(); i <= last; i++) {
                if (!seen.add(f.documentId() + "#" + i)) {
                    continue; // the earlier (better) chunk already holds it
                }
                String text = doc.sentenceText(i);
                List<String> terms = terms(doc, i, analysed); // once per sentence: every signal shares it
                List<String> before = terms(doc, i - 1, analysed);
                List<String> after = terms(doc, i + 1, analysed);
                Set<String> window = new HashSet<>(terms);
                window.addAll(before);
                window.addAll(after);
                List<String> stated = terms;
                if (followUp && conversation.articles().contains(doc.id())) {
                    // In the article the conversation is about, every sentence speaks of its subject, named or
                    // not ("It said…" is Novartis): the subject's terms count as stated in each of them alike, so
                    // they lift the article without favouring the sentence that happens to name it.
                    stated = new ArrayList<>(terms);
                    stated.addAll(contextTerms);
                    window.addAll(contextTerms);
                }
                // What an article is about, its title says, and each of its sentences speaks of that subject
                // whether it names it or not ("The woman waited two years to sue because…" in an article headed
                // "Rapper Snoop Dogg sued…"): the question's terms its title states count as stated in every one
                // of its sentences alike, so the sentence that restates the subject (most often the opening, an
                // echo of the question) no longer wins on that alone over the one that answers.
                List<String> titled = titled(doc, queryTerms, titleTerms);
                if (!titled.isEmpty()) {
                    ownOverlaps.put(doc.id() + "#" + i, overlap(stated, idf, idfTotal));
                    stated = new ArrayList<>(stated);
                    stated.addAll(titled);
                }
                double neighbour = Math.max(overlap(before, idf, idfTotal), overlap(after, idf, idfTotal));
                AnswerType.Supply supply = wanted.supply(text, questionWords); // one pass of the answer patterns
                boolean supplied = supply.supplied();
                // What only the sentence before adds of the question's weight: a sentence that carries on from an
                // echo next door ("ITV Tyne Tees was based at City Road…" / "In 2005 it moved to…") answers with
                // the words the echo already said. Beyond what the title lends every sentence alike: a news lead
                // restates its headline, and the sentence after it is not the more likely answer for that.
                AnswerCues cues = new AnswerCues(wanted, supplied && supply.near(), why && AnswerType.statesCause(text),
                        AnswerType.countsNear(text, counted) || measure != null && measure.givenBy(text),
                        i == 0 && !doc.headlined(),
                        added(stated, before, idf, idfTotal), overlap(terms, ordinaryIdf, ordinaryTotal),
                        wanted == AnswerType.PLACE && AnswerType.placesAt(text, questionWords));
                out.add(new Candidate(doc.id(), i, VectorUtil.dotProduct(sv, d.sentenceVectors()[i]), overlap(stated, idf, idfTotal),
                        f.context(), supplied, bigramShare(terms, queryBigrams),
                        novelty(terms, questionTerms), neighbour, overlap(List.copyOf(window), idf2, idf2Total), cues));
            }
        }
        return new Candidates(fused, out, wanted, followUp ? qv : null, ownOverlaps);
    }

    /**
     * The question's terms that the article's title states (each article analysed once per question). Lent also
     * when the "title" is the lead sentence of an article without a headline: the lead names the subject the
     * rest speaks of. (Not lending them there was tried: on the BBC golden set with the headlines removed,
     * answerable questions with the fact and its sentence first 0.622 → 0.581.)
     */
    private List<String> titled(Document doc, List<String> queryTerms, Map<String, List<String>> byArticle) {
        return byArticle.computeIfAbsent(doc.id(), id -> doc.title() == null ? List.of()
                : search.analyze(doc.title()).stream().filter(queryTerms::contains).distinct().toList());
    }

    /** Sentences {@code first..last} of an article to read, with the fused score of the chunk they came from. */
    private record Span(String documentId, int first, int last, double context) {
    }

    private List<String> terms(Document doc, int i, Map<String, List<String>> analysed) {
        if (i < 0 || i >= doc.sentences().size()) {
            return List.of();
        }
        return analysed.computeIfAbsent(doc.id() + "#" + i, k -> search.analyze(doc.sentenceText(i)));
    }

    /** Share of the sentence's distinct content terms that the question does not contain. */
    static double novelty(List<String> terms, Set<String> questionTerms) {
        Set<String> distinct = new HashSet<>(terms);
        distinct.removeAll(QUESTION_WORDS);
        if (distinct.isEmpty()) {
            return 0;
        }
        long fresh = distinct.stream().filter(t -> !questionTerms.contains(t)).count();
        return fresh / (double) distinct.size();
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

    /** The share of the question's weight that {@code more} holds and {@code stated} does not. */
    private static double added(List<String> stated, List<String> more, Map<String, Double> idf, double idfTotal) {
        if (idfTotal <= 0 || more.isEmpty()) {
            return 0;
        }
        Set<String> have = new HashSet<>(stated);
        double hit = 0;
        for (var e : idf.entrySet()) {
            if (!have.contains(e.getKey()) && more.contains(e.getKey())) {
                hit += e.getValue();
            }
        }
        return hit / idfTotal;
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
}
