package io.footnote.web.page;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.footnote.support.Chromium;
import io.footnote.support.ChromiumPages;
import io.footnote.support.ManagedCorpus;
import io.footnote.support.Ready;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Managing the articles from the library page: absent without the admin key; with it, several files uploaded
 * at once (one of them unreadable, listed as skipped with its reason) and an article deleted. Runs on the
 * managed corpus, so the seed articles of the other tests are untouched.
 */
@QuarkusTest
@WithTestResource(ManagedCorpus.class)
class AdminPageTest {

    private static final String LIGHTHOUSE = """
            Lighthouse keeper retires after forty years

            Edith Marr switched off the Skerry Point lamp for the last time on Sunday, after forty-one years as its keeper.
            She was the last resident keeper on the northern coast; the light is now run from a control room in Oban.
            """;

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @TestHTTPResource("/")
    URL home;

    private Page page;

    @BeforeEach
    void indexLoaded() {
        Ready.awaitIndex();
    }

    @Test
    void given_no_admin_key_then_upload_and_delete_are_absent() {
        page = chromium.open(home, 1440, 900);
        page.navigate(home + "#/library/" + io.footnote.support.SeedCorpus.MAO);

        assertThat(page.locator("#reader-text .s").first()).isVisible();
        assertThat(page.locator("#admin-controls")).isHidden();
        assertThat(page.locator("#reader-admin button")).hasCount(0);
    }

    @Test
    void given_the_admin_key_when_files_are_uploaded_and_one_deleted_then_the_library_follows() {
        page = chromium.open(home, 1440, 900);
        page.navigate(home + "#/library");
        Locator docs = page.locator("#library-list .doc");
        assertThat(docs.first()).isVisible();
        int before = docs.count();

        page.locator("#admin summary").click();
        page.locator("#admin-key").fill(ConfigProvider.getConfig().getValue("footnote.admin.api-key", String.class));
        page.locator("#admin-key").press("Enter");
        assertThat(page.locator("#admin-controls")).isVisible();

        page.locator("#upload-input").setInputFiles(new FilePayload[] {
                new FilePayload("lighthouse.txt", "text/plain", LIGHTHOUSE.getBytes(StandardCharsets.UTF_8)),
                new FilePayload("broken.pdf", "application/pdf", "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII)),
        });

        assertThat(page.locator("#ingest .ingest-summary")).hasText("1 file indexed. 1 file skipped.");
        assertThat(page.locator("#ingest .skipped li")).containsText("broken.pdf: corrupt or unreadable PDF file");
        assertThat(docs).hasCount(before + 1);
        assertThat(page.locator("#status")).hasText((before + 1) + " articles indexed");
        Chromium.screenshot(page, "25-admin-upload-1440");
        assertEquals(List.of(), axe());

        // the new article opens, and is deleted with a confirming second click
        page.locator("#library-list .doc-link", new Page.LocatorOptions().setHasText("Lighthouse keeper")).click();
        Locator delete = page.locator("#reader-admin button");
        delete.click();
        assertThat(delete).containsText("Confirm");
        delete.click();
        assertThat(page.locator("#reader")).isHidden();
        assertThat(docs).hasCount(before);
        assertThat(page.locator("#ingest")).containsText("Deleted “Lighthouse keeper retires after forty years”.");
    }

    @Test
    void given_a_merge_in_the_background_when_an_upload_is_indexed_then_the_page_shows_its_progress_and_the_merge() {
        // given: the admin key, a status that says an upload is being indexed while the index merges, and the
        // upload held until seen
        page = chromium.open(home, 1440, 900);
        page.navigate(home + "#/library");
        page.locator("#admin summary").click();
        page.locator("#admin-key").fill(ConfigProvider.getConfig().getValue("footnote.admin.api-key", String.class));
        page.locator("#admin-key").press("Enter");
        assertThat(page.locator("#admin-controls")).isVisible();
        page.route("**/api/ingest/status", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(200).setContentType("application/json").setBody("""
                        {"running": true, "job": "upload", "done": 1, "total": 2, "filesPerSecond": 0.5,
                         "chunksPerSecond": 3.0, "chunksEmbedded": 6, "sentencesEmbedded": 20, "etaSeconds": 2,
                         "queued": 0, "skipped": [], "errors": [], "recent": [], "merging": true}""")));
        List<com.microsoft.playwright.Route> held = new java.util.ArrayList<>();
        page.route("**/api/documents", route -> {
            if (route.request().method().equals("POST")) {
                held.add(route);
            } else {
                route.resume();
            }
        });

        // when
        page.locator("#upload-input").setInputFiles(new FilePayload("lighthouse.txt", "text/plain",
                LIGHTHOUSE.getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(page.locator("#ingest")).containsText("Indexing 1 of 2 files · 0.5 files/s · 2 s left");
        assertThat(page.locator("#ingest progress")).hasCount(1);
        assertThat(page.locator("#ingest .merging")).hasText("Merging the index into one segment in the background "
                + "(questions are answered and uploads indexed meanwhile)");
        held.forEach(route -> route.abort());
    }

    private List<String> axe() {
        return new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze().getViolations().stream()
                .map((Rule r) -> r.getId() + " (" + r.getHelp() + ") at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }
}
