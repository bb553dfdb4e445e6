package io.footnote.ingest;

import io.footnote.support.SeedCorpus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleCleanerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void lifts_leading_date_marker_into_metadata() {
        ArticleCleaner.Cleaned cleaned = cleaner.clean(SeedCorpus.raw(SeedCorpus.MAO));

        assertEquals(LocalDate.of(2025, 1, 28), cleaned.date());
        assertTrue(cleaned.text().startsWith("Chinese Foreign Ministry spokeswoman Mao Ning"));
        assertTrue(cleaned.text().endsWith("he cautioned."));
    }

    @Test
    void cuts_trailing_site_boilerplate_from_seed_article() {
        ArticleCleaner.Cleaned cleaned = cleaner.clean(SeedCorpus.raw(SeedCorpus.DINAN));

        assertNull(cleaned.date());
        assertFalse(cleaned.text().contains("can be reached at"));
        assertFalse(cleaned.text().contains("comment policy"));
        assertTrue(cleaned.text().endsWith("to the highest standards.”"));
    }

    @Test
    void cuts_generic_contact_copyright_and_subscription_lines() {
        String raw = "The council approved the budget on Tuesday.\nIt passed 7 to 2.\n\n"
                + "Jane Roe can be contacted at jroe@example.org\nCopyright 2024 Example News. All rights reserved.\n"
                + "Sign up for our daily newsletter\n";

        assertEquals("The council approved the budget on Tuesday.\nIt passed 7 to 2.", cleaner.clean(raw).text());
    }

    @Test
    void keeps_content_that_only_mentions_policy_or_email_inside_the_article() {
        String raw = "Please read our comment policy, the editor told readers, before the vote on Tuesday.\n"
                + "The paper said readers wrote to letters@example.org about the new comment policy, which bans "
                + "anonymous posts, limits each reader to ten comments a day, and requires moderators to explain "
                + "every removal in public, a change the editor called overdue after a year of complaints.";

        assertEquals(raw, cleaner.clean(raw).text());
    }

    @Test
    void a_marker_that_is_not_a_date_stays_in_the_text() {
        assertEquals("date 2025-13-45 is not real.", cleaner.clean("date 2025-13-45 is not real.").text());
        assertNull(cleaner.clean("date 2025-13-45 is not real.").date());
    }
}
