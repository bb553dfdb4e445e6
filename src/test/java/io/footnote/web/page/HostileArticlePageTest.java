package io.footnote.web.page;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.footnote.support.Chromium;
import io.footnote.support.ChromiumPages;
import io.footnote.support.Ready;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Article text and answers are shown as text, never run as HTML: an article carrying a {@code <script>}, an
 * {@code <img onerror>} and a {@code javascript:} link shows those characters literally, and none of them runs.
 */
@QuarkusTest
@TestProfile(HostileCorpusProfile.class)
class HostileArticlePageTest {

    private static final String QUESTION = "How many evening ferry crossings did the harbour council add?";

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @TestHTTPResource("/")
    URL home;

    private Page page;
    private final List<String> dialogs = new ArrayList<>();

    @BeforeEach
    void open() {
        Ready.awaitIndex();
        page = chromium.open(home, 1440, 900);
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    private Object pwned() {
        return page.evaluate("() => window.__footnotePwned ?? null");
    }

    @Test
    void markup_in_an_answer_and_its_article_shows_as_literal_text_and_never_runs() {
        // given the service's answer quotes the sentence holding a <script>
        JsonPath expected = given().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .post("/api/ask").then().statusCode(200).extract().jsonPath();
        String cited = expected.getString("citations[0].text");
        assertTrue(cited.contains("<script>"), cited);

        // when it is asked in the page and citation 1 opened
        ChatPage chat = new ChatPage(page);
        Locator answer = chat.ask(QUESTION);
        ChatPage.citation(answer, 1).click();

        // then the markup is visible as text in the answer, its sources and the article
        assertThat(answer.locator(".answer-text")).containsText("<script>window.__footnotePwned = 'script'</script>");
        // (an extractive answer is the quote itself: its sources name the article and sentence, not the quote again)
        assertThat(answer.locator(".answer-text")).containsText(cited);
        assertThat(answer.locator(".sources q")).hasCount(0);
        assertThat(chat.activeSentence()).hasText(cited);
        Locator article = page.locator("#reader-text");
        assertThat(article).containsText("<img src=x onerror=\"window.__footnotePwned = 'img'\">");
        assertThat(article).containsText("<a href=\"javascript:window.__footnotePwned = 'link'\">here</a>");
        assertThat(page.locator("#reader-title")).hasText(expected.getString("citations[0].title"));
        assertTrue(expected.getString("citations[0].title").contains("<script>"));
        // and none of it became an element or ran
        assertThat(page.locator("#log script, #log img, #log b, #reader script, #reader img, #reader b, #reader-text a"))
                .hasCount(0);
        assertEquals(null, pwned());
        assertTrue(dialogs.isEmpty(), dialogs.toString());
        Chromium.screenshot(page, "15-hostile-article-1440");
    }

    @Test
    void markup_in_a_title_shows_as_literal_text_in_the_library() {
        // when
        page.navigate(home + "#/library");

        // then
        Locator link = page.locator("#library-list .doc-link");
        assertThat(link).hasCount(1);
        // the short title shows, the full one is the link's hover title: both as literal text
        String full = "Harbour council adds <b>evening</b> ferries <script>window.__footnotePwned = 'title'</script>";
        assertThat(link).hasAttribute("title", full);
        assertTrue(link.textContent().startsWith("Harbour council adds <b>evening</b> ferries <script>"), link.textContent());
        assertTrue(link.textContent().length() < full.length(), link.textContent());
        assertThat(page.locator("#library-list b, #library-list script")).hasCount(0);
        // and hovering a citation shows the markup as text in the card too
        page.navigate(home + "#/");
        Locator answer = new ChatPage(page).ask(QUESTION);
        ChatPage.citation(answer, 1).hover();
        assertThat(page.locator("#cite-card .card-sentence")).containsText("<script>");
        assertThat(page.locator("#cite-card script")).hasCount(0);
        assertEquals(null, pwned());
    }
}
