package io.footnote.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.footnote.domain.Document;
import io.footnote.domain.ScoredSentence;
import io.footnote.retrieve.FusedChunk;
import io.footnote.retrieve.Retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Chooses the sentences a prompt numbers: passages (runs of consecutive sentences) around what retrieval
 * found, under a budget of characters. Every chosen sentence stays one numbered source with its exact offsets;
 * the passages only decide which sentences those are.
 *
 * <p>Contract of {@link #select}:
 * <ul>
 *   <li>nothing when no retrieved sentence scores {@code minScore} (the model is then not asked);</li>
 *   <li>filled in priority order, each step all or nothing while it fits the budget: (1) the best
 *       {@code seeds} retrieved sentences scoring {@code minScore} or more, each with the sentence before and
 *       after it (alone when the three do not fit); (2) the retrieved chunks, whole, best fused first;
 *       (3) any further retrieved sentence with its neighbours; (4) further chunks a wider search found, whole,
 *       best first;</li>
 *   <li>an article that is a near-duplicate of one already chosen (most of its sentences, normalised, appear
 *       in that one) contributes nothing, and a sentence whose text is already chosen is not repeated;</li>
 *   <li>the result is grouped by article, articles in the order they were first chosen (so the best retrieved
 *       sentence's article comes first), sentences in reading order within an article;</li>
 *   <li>{@link #cost} of the result, summed, is at most the budget.</li>
 * </ul>
 * Without a document lookup (the article unknown) only retrieved sentences are chosen.
 */
final class PassageBuilder {

    /** Characters a numbered line costs beyond its text: {@code "[nnn] "} and the line break. */
    static final int LINE_OVERHEAD = 7;
    /** Characters an article header costs beyond its title: {@code "\nArticle: "}, the date, the line break. */
    static final int HEADER_OVERHEAD = 30;
    /** Characters a gap line ({@code "…"}) between two passages of one article costs. */
    static final int GAP = 2;
    /** Share of an article's sentences found in another chosen article that makes it a near-duplicate. */
    static final double DUPLICATE_SHARE = 0.8;

    /**
     * Articles whose sentence fingerprints are kept across prompts. Fingerprinting normalises every sentence of
     * an article; a prompt considers a dozen articles and the same ones come back across questions (and across
     * the budgets an evaluation tries per question): without this it took a fifth of an evaluation's CPU (JFR, SQuAD,
     * 1,000 questions), even with {@link #normalized} written out.
     */
    static final int FINGERPRINT_CACHE = 128;

    private final Function<String, Optional<Document>> documents;
    private final int seeds;
    private final double minScore;
    /** Article id to its fingerprint, kept while the article's text is the one it was made from. */
    private final Cache<String, Fingerprint> fingerprints = Caffeine.newBuilder().maximumSize(FINGERPRINT_CACHE).build();

    /** An article's normalised sentences, and the text they were taken from. */
    private record Fingerprint(String text, Set<String> sentences) {
    }

    /**
     * @param documents looks up an article (its sentences, for neighbours and duplicate detection)
     * @param seeds     retrieved sentences whose neighbourhoods come first
     * @param minScore  below this best score nothing is chosen; seeds score at least this
     */
    PassageBuilder(Function<String, Optional<Document>> documents, int seeds, double minScore) {
        this.documents = documents;
        this.seeds = seeds;
        this.minScore = minScore;
    }

    /** The sentences to number, within {@code budgetChars} as counted by {@link #cost}. */
    List<ScoredSentence> select(Retrieval retrieval, int budgetChars) {
        return select(retrieval, List.of(), budgetChars);
    }

    /**
     * As {@link #select(Retrieval, int)}, with further chunks (best first) tried, whole, after everything the
     * retrieval itself brings: the passages a wider search found beyond the chunks whose sentences were ranked.
     */
    List<ScoredSentence> select(Retrieval retrieval, List<FusedChunk> further, int budgetChars) {
        List<ScoredSentence> ranked = retrieval.sentences().stream()
                .sorted(Comparator.comparingDouble(ScoredSentence::score).reversed()).toList();
        if (ranked.isEmpty() || ranked.getFirst().score() < minScore) {
            return List.of();
        }
        Plan plan = new Plan(budgetChars, ranked);
        int seeded = 0;
        for (ScoredSentence s : ranked) {
            if (seeded == seeds || s.score() < minScore) {
                break;
            }
            seeded++;
            plan.neighbourhood(s);
        }
        for (FusedChunk c : retrieval.chunks()) {
            plan.add(c.chunk().documentId(), c.chunk().firstSentence(), c.chunk().lastSentence());
        }
        for (ScoredSentence s : ranked) {
            plan.neighbourhood(s);
        }
        for (FusedChunk c : further) {
            plan.add(c.chunk().documentId(), c.chunk().firstSentence(), c.chunk().lastSentence());
        }
        return plan.sources();
    }

    /**
     * What a prompt's source block spends on {@code sources}, in characters: each line with its number, each
     * article's header, each gap between passages. The exact rendering of {@link CitationPrompt} stays within it.
     */
    int cost(List<ScoredSentence> sources) {
        return cost(sources, documents);
    }

    private static int cost(List<ScoredSentence> sources, Function<String, Optional<Document>> documents) {
        int chars = 0;
        ScoredSentence previous = null;
        for (ScoredSentence s : sources) {
            if (previous == null || !previous.documentId().equals(s.documentId())) {
                chars += header(documents.apply(s.documentId()), s.documentId());
            } else if (previous.sentenceIndex() + 1 != s.sentenceIndex()) {
                chars += GAP;
            }
            chars += line(s.text());
            previous = s;
        }
        return chars;
    }

    private static int header(Optional<Document> doc, String documentId) {
        return HEADER_OVERHEAD + doc.map(Document::title).map(CitationPrompt::oneLine).orElse(documentId).length();
    }

    private static int line(String text) {
        return LINE_OVERHEAD + CitationPrompt.oneLine(text).length();
    }

    /**
     * Lower case letters and digits only: what two copies of one sentence have in common. The same as removing
     * {@code [^\p{L}\p{N}]+} from the lower-cased text, without a regular expression: a prompt fingerprints every
     * sentence of each article it considers, and the expression took a third of an evaluation's CPU (JFR).
     */
    static String normalized(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            if (Character.isLetter(c) || isNumber(c)) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** {@code \p{N}}: a decimal digit, a letter number (Roman numerals) or another number (superscripts, fractions). */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The article's normalised sentences (none for an unknown article), from the cache when its text is unchanged. */
    private Set<String> fingerprintOf(String documentId, Optional<Document> doc) {
        if (doc.isEmpty()) {
            return Set.of();
        }
        String text = doc.get().text();
        Fingerprint known = fingerprints.getIfPresent(documentId);
        if (known != null && known.text().equals(text)) {
            return known.sentences();
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < doc.get().sentences().size(); i++) {
            out.add(normalized(doc.get().sentenceText(i)));
        }
        out.remove("");
        Set<String> sentences = Set.copyOf(out);
        fingerprints.put(documentId, new Fingerprint(text, sentences));
        return sentences;
    }

    /** The sentences chosen so far and the budget left. */
    private final class Plan {
        private final Map<String, ScoredSentence> scored = new HashMap<>();
        private final Map<String, TreeMap<Integer, ScoredSentence>> chosen = new LinkedHashMap<>();
        private final Map<String, Optional<Document>> docs = new HashMap<>();
        private final Map<String, Set<String>> fingerprintsHere = new HashMap<>();
        private final Set<String> duplicates = new HashSet<>();
        private final Set<String> texts = new HashSet<>();
        private int left;

        Plan(int budget, List<ScoredSentence> ranked) {
            this.left = budget;
            for (ScoredSentence s : ranked) {
                scored.putIfAbsent(s.documentId() + "#" + s.sentenceIndex(), s);
            }
        }

        /** The sentence with the one before and after it, else the sentence alone. */
        void neighbourhood(ScoredSentence s) {
            if (!add(s.documentId(), s.sentenceIndex() - 1, s.sentenceIndex() + 1)) {
                add(s.documentId(), s.sentenceIndex(), s.sentenceIndex());
            }
        }

        /** Adds sentences {@code from..to} of an article when all that are new fit; true when they did. */
        boolean add(String documentId, int from, int to) {
            Optional<Document> doc = docs.computeIfAbsent(documentId, documents);
            if (!chosen.containsKey(documentId) && isDuplicate(documentId, doc)) {
                return false;
            }
            TreeMap<Integer, ScoredSentence> have = chosen.getOrDefault(documentId, new TreeMap<>());
            int last = doc.map(d -> d.sentences().size() - 1).orElse(Integer.MAX_VALUE);
            List<ScoredSentence> fresh = new ArrayList<>();
            Set<String> freshTexts = new HashSet<>();
            for (int i = Math.max(0, from); i <= Math.min(to, last); i++) {
                if (have.containsKey(i)) {
                    continue;
                }
                Optional<ScoredSentence> s = sentence(documentId, doc, i);
                if (s.isEmpty()) {
                    continue;
                }
                String norm = normalized(s.get().text());
                if (texts.contains(norm) || !freshTexts.add(norm)) {
                    continue;
                }
                fresh.add(s.get());
            }
            if (fresh.isEmpty()) {
                return true;
            }
            TreeMap<Integer, ScoredSentence> after = new TreeMap<>(have);
            fresh.forEach(s -> after.put(s.sentenceIndex(), s));
            int cost = blockCost(documentId, after) - (have.isEmpty() ? 0 : blockCost(documentId, have));
            if (cost > left) {
                return false;
            }
            left -= cost;
            chosen.put(documentId, after);
            texts.addAll(freshTexts);
            return true;
        }

        private int blockCost(String documentId, TreeMap<Integer, ScoredSentence> sentences) {
            return cost(List.copyOf(sentences.values()), id -> docs.computeIfAbsent(id, documents));
        }

        private Optional<ScoredSentence> sentence(String documentId, Optional<Document> doc, int index) {
            ScoredSentence known = scored.get(documentId + "#" + index);
            if (known != null) {
                return Optional.of(known);
            }
            return doc.map(d -> {
                var sentence = d.sentences().get(index);
                return new ScoredSentence(documentId, index, sentence.start(), sentence.end(), d.sentenceText(index),
                        0, 0, 0);
            });
        }

        private boolean isDuplicate(String documentId, Optional<Document> doc) {
            if (duplicates.contains(documentId)) {
                return true;
            }
            Set<String> mine = fingerprint(documentId, doc);
            if (mine.isEmpty()) {
                return false;
            }
            for (String other : chosen.keySet()) {
                Set<String> theirs = fingerprint(other, docs.get(other));
                if (theirs.isEmpty()) {
                    continue;
                }
                long shared = mine.stream().filter(theirs::contains).count();
                if (shared >= DUPLICATE_SHARE * Math.min(mine.size(), theirs.size())) {
                    duplicates.add(documentId);
                    return true;
                }
            }
            return false;
        }

        private Set<String> fingerprint(String documentId, Optional<Document> doc) {
            return fingerprintsHere.computeIfAbsent(documentId, id -> fingerprintOf(id, doc));
        }

        List<ScoredSentence> sources() {
            List<ScoredSentence> out = new ArrayList<>();
            chosen.values().forEach(m -> out.addAll(m.values()));
            return List.copyOf(out);
        }
    }
}
