package io.footnote.index;

import io.footnote.domain.Chunk;
import io.footnote.domain.Document;
import io.footnote.domain.Sentence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promises of {@link ArticleIndex}, checked on any backend by a random run of upserts, replacements,
 * deletions, new file stamps and commits against a model of what should be stored: an article is replaced
 * whole, changes are visible at commit, its file stamp is read back with its hash, and a search never maps a
 * chunk of one version onto another. The seed is in every
 * failure message; rerun one with {@code -Dcontract.seed=N}.
 */
public abstract class ArticleIndexContract {

    protected static final int DIMENSION = 16;
    private static final String[] WORDS = {"river", "market", "council", "minister", "football", "concert",
        "budget", "harbour", "election", "festival", "factory", "museum", "airport", "railway", "orchestra"};

    private final long seed = Long.getLong("contract.seed", new Random().nextLong());
    private final Random random = new Random(seed);
    private int versions;
    private ArticleIndex index;

    /** A fresh, empty index of the backend under test. */
    protected abstract ArticleIndex openEmpty();

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void given_random_writes_when_committed_then_reads_and_searches_match_the_last_version_of_each_article() {
        // given
        index = openEmpty();
        Map<String, Version> committed = new TreeMap<>();
        Map<String, Version> current = new TreeMap<>();
        for (int round = 0; round < 6; round++) {
            // when: a batch of random changes, checked before and after its commit
            for (int op = 0; op < 8; op++) {
                String id = "a" + random.nextInt(10);
                int kind = random.nextInt(5);
                if (kind == 0) {
                    index.delete(id);
                    current.remove(id);
                } else if (kind == 1) { // a no-op when absent
                    FileStamp stamp = stamp();
                    index.restamp(id, stamp);
                    current.computeIfPresent(id, (k, v) -> v.restamped(stamp));
                } else {
                    Version v = version(id);
                    index.upsert(v.article(), v.chunkVectors());
                    current.put(id, v);
                }
            }
            assertSearchesNeverMapStaleChunks(current, committed);
            assertVersionsOfSomeIdsAgree();
            index.commit();
            committed = new TreeMap<>(current);
            assertVersionsOfSomeIdsAgree();

            // then
            assertStored(committed);
            assertSearchable(committed);
        }
    }

    @Test
    void given_committed_articles_when_each_visited_id_is_deleted_then_each_was_visited_once_and_none_remains() {
        // given: committed articles, and one written after the commit that the visit must not see
        index = openEmpty();
        for (int i = 0; i < 6; i++) {
            Version v = version("d" + i);
            index.upsert(v.article(), v.chunkVectors());
        }
        index.commit();
        Version late = version("late");
        index.upsert(late.article(), late.chunkVectors());

        // when
        List<String> visited = new ArrayList<>();
        index.forEachId(id -> {
            visited.add(id);
            index.delete(id);
        });
        index.commit();

        // then
        String why = "seed " + seed;
        assertEquals(List.of("d0", "d1", "d2", "d3", "d4", "d5"), visited.stream().sorted().toList(), why);
        assertEquals(List.of("late"), index.documents().stream().map(ArticleLookup.Entry::id).toList(), why);
    }

    /**
     * The versions looked up for some ids (among them ids never written) are what the whole index's versions
     * hold for them, with uncommitted upserts and deletes laid over both alike.
     */
    private void assertVersionsOfSomeIdsAgree() {
        List<String> ids = new ArrayList<>(List.of("never-written"));
        for (int i = 0; i < 10; i++) {
            if (random.nextBoolean()) {
                ids.add("a" + i);
            }
        }
        Map<String, ArticleStore.Version> expected = new HashMap<>(index.versions());
        expected.keySet().retainAll(ids);
        assertEquals(expected, index.versions(ids), "seed " + seed + ": versions of " + ids);
    }

    private void assertStored(Map<String, Version> expected) {
        String why = "seed " + seed;
        Map<String, String> hashes = new HashMap<>();
        int sentences = 0;
        int chunks = 0;
        for (Version v : expected.values()) {
            IndexedDocument got = index.document(v.id()).orElseThrow(() -> new AssertionError(why + ": " + v.id()));
            assertEquals(v.article().document(), got.document(), why);
            assertEquals(v.article().chunks(), got.chunks(), why);
            for (int i = 0; i < got.sentenceVectors().length; i++) {
                // stored in 8 bits: each component within half a step (1/254 of the largest)
                assertArrayEquals(v.article().sentenceVectors()[i], got.sentenceVectors()[i], 1f / 254 + 1e-6f, why);
            }
            hashes.put(v.id(), v.article().document().contentHash());
            sentences += got.document().sentences().size();
            chunks += got.chunks().size();
        }
        for (int i = 0; i < 10; i++) {
            if (!expected.containsKey("a" + i)) {
                assertTrue(index.document("a" + i).isEmpty(), why + ": deleted a" + i);
            }
        }
        assertEquals(hashes, index.contentHashes(), why);
        Map<String, ArticleStore.Version> versions = new HashMap<>();
        expected.forEach((id, v) -> versions.put(id,
                new ArticleStore.Version(v.article().document().contentHash(), v.article().stamp())));
        assertEquals(versions, index.versions(), why);
        List<String> visited = new ArrayList<>();
        index.forEachId(visited::add);
        assertEquals(List.copyOf(expected.keySet()), visited.stream().sorted().toList(), why + ": forEachId");
        assertEquals(List.copyOf(expected.keySet()), index.documents().stream().map(ArticleLookup.Entry::id).toList(), why);
        index.documents().forEach(e -> assertEquals(expected.get(e.id()).article().chunks().size(), e.chunks(), why));
        assertEquals(new ArticleLookup.Stats(expected.size(), sentences, chunks), index.stats(), why);
        assertPaged(expected);
    }

    /**
     * Walking the pages visits every article once, in id order, with or without a title filter (a letter some
     * tokens hold, so the filtered walk spans pages too); the title filter finds one article by its token.
     */
    private void assertPaged(Map<String, Version> expected) {
        String why = "seed " + seed;
        assertEquals(List.copyOf(expected.keySet()), walk(expected.size(), ""), why);
        // Not "l" (every title has it, in "Title"), nor a vowel, "z", "q" or "x" (every token has those).
        String letter = String.valueOf("bcdfghjkm".charAt(random.nextInt(9)));
        List<String> holding = expected.values().stream()
                .filter(v -> v.article().document().title().contains(letter)).map(Version::id).toList();
        assertEquals(holding, walk(holding.size(), letter.toUpperCase()), why + ": titles containing " + letter);
        for (Version v : expected.values()) {
            ArticleLookup.Page found = index.page(java.util.Optional.empty(), 10, " " + v.token().toUpperCase() + " ");
            assertEquals(List.of(v.id()), found.entries().stream().map(ArticleLookup.Entry::id).toList(), why);
            assertEquals(1, found.total(), why);
            assertTrue(found.next().isEmpty(), why);
        }
    }

    /** The ids met walking the pages of the listing filtered by {@code title} ({@code matches} in all), a random few at a time. */
    private List<String> walk(int matches, String title) {
        String why = "seed " + seed + ", title filter '" + title + "'";
        int limit = 1 + random.nextInt(4);
        List<String> walked = new ArrayList<>();
        java.util.Optional<String> cursor = java.util.Optional.empty();
        do {
            ArticleLookup.Page page = index.page(cursor, limit, title);
            assertEquals(matches, page.total(), why);
            assertTrue(page.entries().size() <= limit, why);
            page.entries().forEach(e -> walked.add(e.id()));
            cursor = page.next();
        } while (cursor.isPresent() && walked.size() <= matches);
        return walked;
    }

    private void assertSearchable(Map<String, Version> expected) {
        String why = "seed " + seed;
        for (Version v : expected.values()) {
            List<ChunkHit> text = index.searchText(v.token(), 50);
            assertFalse(text.isEmpty(), why + ": token of " + v.id() + " found after commit");
            for (ChunkHit h : text) {
                assertEquals(v.id(), h.chunk().documentId(), why + ": only the current version holds the token");
                assertEquals(v.article().chunks().get(h.chunk().ordinal()), h.chunk(), why);
            }
            Chunk first = v.article().chunks().getFirst();
            List<ChunkHit> near = index.searchVector(v.chunkVectors().getFirst(), 3);
            assertFalse(near.isEmpty(), why);
            assertEquals(first, near.getFirst().chunk(), why + ": its own vector finds chunk 0 of " + v.id());
        }
        assertTrue(index.idf("river") > 0, why);
    }

    /** Before a commit a search may see old chunks; each one it returns must be a chunk of what document() says. */
    private void assertSearchesNeverMapStaleChunks(Map<String, Version> current, Map<String, Version> committed) {
        String why = "seed " + seed;
        List<ChunkHit> hits = new ArrayList<>(index.searchText(String.join(" ", WORDS), 200));
        for (Version v : committed.values()) {
            hits.addAll(index.searchVector(v.chunkVectors().getFirst(), 5));
        }
        for (ChunkHit h : hits) {
            Version v = current.get(h.chunk().documentId());
            assertTrue(v != null, why + ": no hit of a deleted article " + h.chunk().documentId());
            assertEquals(v.article().chunks().get(h.chunk().ordinal()), h.chunk(), why + ": stale chunk mapped");
        }
    }

    /** A new version of article {@code id}: random sentences, one token found nowhere else, random vectors. */
    private Version version(String id) {
        // The closing "x" keeps one token from being a substring of another ("zqcx" is not in "zqcdx"), so the
        // title filter, which matches substrings, finds exactly one article by it.
        String token = "zq" + letters(++versions) + "x";
        int count = 1 + random.nextInt(7);
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        int tokenAt = random.nextInt(count);
        for (int s = 0; s < count; s++) {
            int start = text.length();
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            if (s == tokenAt) {
                text.append(' ').append(token);
            }
            text.append('.');
            sentences.add(new Sentence(s, start, text.length()));
            text.append(' ');
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < count; ) {
            int last = Math.min(count - 1, first + random.nextInt(3));
            chunks.add(new Chunk(id, chunks.size(), first, last, sentences.get(first).start(), sentences.get(last).end()));
            first = last + 1;
        }
        float[][] sentenceVectors = new float[count][];
        for (int s = 0; s < count; s++) {
            sentenceVectors[s] = unit();
        }
        List<float[]> chunkVectors = chunks.stream().map(c -> unit()).toList();
        Document doc = new Document(id, "Title " + token, random.nextBoolean() ? null : java.time.LocalDate.of(2020, 1, 1 + random.nextInt(28)),
                text.toString().strip(), sentences, id + ".txt", "h" + versions);
        return new Version(id, token, new IndexedDocument(doc, chunks, sentenceVectors,
                random.nextBoolean() ? null : stamp()), chunkVectors);
    }

    private FileStamp stamp() {
        return new FileStamp(random.nextInt(1 << 20), 1_700_000_000_000L + random.nextInt(1 << 30));
    }

    private float[] unit() {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** {@code n} in letters without vowels, so the analyzer keeps the token whole. */
    private static String letters(int n) {
        String alphabet = "bcdfghjklm";
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append(alphabet.charAt(c - '0'));
        }
        return out.toString();
    }

    private record Version(String id, String token, IndexedDocument article, List<float[]> chunkVectors) {

        Version restamped(FileStamp stamp) {
            return new Version(id, token, new IndexedDocument(article.document(), article.chunks(),
                    article.sentenceVectors(), stamp), chunkVectors);
        }
    }
}
