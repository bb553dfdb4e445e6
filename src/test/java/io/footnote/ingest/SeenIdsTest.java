package io.footnote.ingest;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeenIdsTest {

    @Test
    void answers_like_a_set_of_the_ids_themselves() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        SeenIds seen = new SeenIds();
        Set<String> reference = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            // Ids as ArticleReader makes them, from a small alphabet so that repeats happen.
            String id = "folder" + random.nextInt(5) + "--" + Integer.toString(random.nextInt(12_000), 36);
            switch (random.nextInt(4)) {
                case 0 -> {
                    seen.remove(id);
                    reference.remove(id);
                }
                case 1 -> assertEquals(reference.contains(id), seen.contains(id), "contains " + id + ", seed=" + seed);
                default -> assertEquals(reference.add(id), seen.add(id), "add " + id + ", seed=" + seed);
            }
        }
        assertEquals(reference.size(), seen.size(), "seed=" + seed);
    }

    @Test
    void ids_that_differ_only_in_case_or_accents_are_different_ids() {
        SeenIds seen = new SeenIds();

        seen.add("news--cafe");

        assertEquals(false, seen.contains("news--Cafe"));
        assertEquals(false, seen.contains("news--café"));
        assertEquals(true, seen.add("news--café"));
        assertEquals(false, seen.add("news--cafe"));
    }
}
