package io.footnote.cite;

import io.footnote.domain.Sentence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks an answer written by any system: splits it into claims (sentences), reads their citation markers
 * with the grammar of {@link Markers}, and scores each claim against the best evidence of each source it
 * cites ({@link EvidenceFinder}).
 *
 * <p>A marker {@code [n]} cites the source whose id is {@code n}; a number naming no source is removed and
 * counted. Markers at the start of a sentence belong to the sentence before ("… China. [2] Next …"). A
 * citation is supported when its evidence scores at least {@code minSupport}. A claim citing several sources
 * that none backs alone is supported when their evidence taken together reaches the threshold, and then the
 * citations scoring at least half of it count as supported (as in {@link ClaimVerifier}). A claim without a
 * supported citation is listed as unsupported, unless it is a remark about the sources.
 *
 * <p>The embeddings a check needs (every claim and the sentences of each source its evidence is read from) are
 * computed in batched calls, one per round of {@link EvidenceFinder.Reading#nextToEmbed}, when the scorer's embedder is a
 * {@link CachedEmbedder}.
 */
public final class AnswerChecker {

    /** One citation of a claim: the source, its verdict and the evidence found in it. */
    public record CitationCheck(String source, boolean supported, double support, Evidence evidence) {
    }

    /**
     * One claim of the answer.
     *
     * @param text  the claim without its markers
     * @param start offset in the answer where its sentence starts
     * @param end   offset just after its sentence, markers included
     */
    public record ClaimCheck(String text, int start, int end, boolean supported, double support,
                             List<CitationCheck> citations) {
    }

    /** The verdicts, the unsupported claims' texts and how many marker numbers named no source. */
    public record Result(List<ClaimCheck> claims, List<String> unsupportedClaims, int removedMarkers) {
    }

    private record Span(int start, int end, List<Integer> numbers) {
    }

    private final EvidenceFinder finder;
    private final SupportScorer scorer;
    private final CachedEmbedder cache;
    private final Function<String, List<Sentence>> splitter;
    private final double minSupport;

    /**
     * @param cache the embedder behind {@code scorer} when it batches, else null
     */
    public AnswerChecker(SupportScorer scorer, CachedEmbedder cache, Function<String, List<Sentence>> splitter,
                         double minSupport) {
        this.scorer = scorer;
        this.finder = new EvidenceFinder(scorer);
        this.cache = cache;
        this.splitter = splitter;
        this.minSupport = minSupport;
    }

    public double minSupport() {
        return minSupport;
    }

    /** The sentence splitter the checker uses, for splitting raw sources the same way. */
    public Function<String, List<Sentence>> splitter() {
        return splitter;
    }

    /** Checks {@code answer} against {@code sources} (ids unique). */
    public Result check(String answer, List<SourceText> sources) {
        Map<String, SourceText> byId = new HashMap<>();
        sources.forEach(s -> byId.put(s.id(), s));
        List<Span> spans = claims(answer);

        int removed = 0;
        List<String> plains = new ArrayList<>();
        List<List<SourceText>> cited = new ArrayList<>();
        for (Span span : spans) {
            plains.add(Markers.strip(answer.substring(span.start(), span.end())));
            Set<SourceText> these = new LinkedHashSet<>();
            for (int n : span.numbers()) {
                SourceText s = byId.get(Integer.toString(n));
                if (s == null) {
                    removed++;
                } else {
                    these.add(s);
                }
            }
            cited.add(List.copyOf(these));
        }
        List<List<EvidenceFinder.Reading>> readings = new ArrayList<>();
        for (int c = 0; c < spans.size(); c++) {
            String plain = plains.get(c);
            readings.add(cited.get(c).stream().map(s -> finder.read(plain, s)).toList());
        }
        if (cache != null) {
            prefetch(readings);
        }

        List<ClaimCheck> claims = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (int c = 0; c < spans.size(); c++) {
            ClaimCheck check = checkClaim(plains.get(c), spans.get(c), cited.get(c), readings.get(c));
            claims.add(check);
            if (!check.supported() && !(check.citations().isEmpty() && CitedAnswerBuilder.isRemark(check.text()))) {
                unsupported.add(check.text());
            }
        }
        return new Result(List.copyOf(claims), List.copyOf(unsupported), removed);
    }

    /**
     * Embeds what the claims' evidence will be read from, each round in one batched call: per citation, what
     * {@link EvidenceFinder.Reading#nextToEmbed} names, until none names anything. The first round embeds the
     * claims and each citation's likeliest best sentence; a second is needed only where that left another
     * shortlisted sentence in play. A text that cannot change the evidence is not embedded (nor a claim that
     * cites nothing).
     */
    private void prefetch(List<List<EvidenceFinder.Reading>> readings) {
        List<EvidenceFinder.Reading> pending = readings.stream().flatMap(List::stream).toList();
        // Each round settles one more sentence of every citation still pending, so the shortlist and a joining
        // neighbour take at most this many rounds; the bound matters only if the cache is too small to keep a
        // check's vectors, and then find() embeds what is missing itself.
        for (int round = 0; round <= EvidenceFinder.EMBEDDED && !pending.isEmpty(); round++) {
            List<String> needed = new ArrayList<>();
            List<EvidenceFinder.Reading> still = new ArrayList<>();
            for (EvidenceFinder.Reading r : pending) {
                List<String> next = r.nextToEmbed(cache::contains);
                if (!next.isEmpty()) {
                    needed.addAll(next);
                    still.add(r);
                }
            }
            cache.prefetch(needed);
            pending = still;
        }
    }

    private ClaimCheck checkClaim(String plain, Span span, List<SourceText> cited,
                                  List<EvidenceFinder.Reading> readings) {
        List<Evidence> evidence = new ArrayList<>();
        boolean any = false;
        double best = 0;
        for (EvidenceFinder.Reading reading : readings) {
            Evidence e = reading.find();
            evidence.add(e);
            any |= e.support() >= minSupport;
            best = Math.max(best, e.support());
        }
        boolean combined = false;
        if (!any && cited.size() > 1) {
            StringBuilder all = new StringBuilder();
            double similarity = 0;
            for (Evidence e : evidence) {
                all.append(e.text()).append(' ');
                boolean embed = !e.text().isEmpty() && SupportScorer.usesSimilarity(plain);
                similarity = Math.max(similarity, embed ? scorer.similarity(plain, e.text()) : 0);
            }
            double together = scorer.score(plain, all.toString().strip(), similarity);
            combined = together >= minSupport;
            if (combined) {
                best = Math.max(best, together);
            }
        }
        List<CitationCheck> citations = new ArrayList<>();
        for (int k = 0; k < cited.size(); k++) {
            Evidence e = evidence.get(k);
            boolean ok = e.support() >= minSupport || combined && e.support() >= minSupport / 2;
            citations.add(new CitationCheck(cited.get(k).id(), ok, e.support(), e));
        }
        return new ClaimCheck(plain, span.start(), span.end(), any || combined, best, List.copyOf(citations));
    }

    /** The answer's sentences with the marker numbers each carries; leading markers move to the sentence before. */
    private List<Span> claims(String answer) {
        List<Span> out = new ArrayList<>();
        List<Markers.Marker> markers = Markers.find(answer);
        for (Sentence s : splitter.apply(answer)) {
            int start = s.start();
            int end = s.end();
            List<Integer> numbers = new ArrayList<>();
            List<Integer> leading = new ArrayList<>();
            int cursor = start;
            for (Markers.Marker m : markers) {
                if (m.start() < start || m.start() >= end) {
                    continue;
                }
                boolean isLeading = !out.isEmpty() && answer.substring(cursor, m.start()).isBlank();
                if (isLeading) {
                    leading.addAll(m.numbers());
                    cursor = m.end();
                } else {
                    numbers.addAll(m.numbers());
                }
            }
            if (!leading.isEmpty()) {
                Span prev = out.removeLast();
                List<Integer> merged = new ArrayList<>(prev.numbers());
                merged.addAll(leading);
                out.add(new Span(prev.start(), Math.max(prev.end(), cursor), List.copyOf(merged)));
                start = cursor;
                while (start < end && Character.isWhitespace(answer.charAt(start))) {
                    start++;
                }
            }
            String plain = Markers.strip(answer.substring(start, end));
            if (plain.chars().anyMatch(Character::isLetterOrDigit)) {
                out.add(new Span(start, end, List.copyOf(numbers)));
            }
        }
        return out;
    }
}
