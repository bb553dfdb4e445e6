package io.footnote.web.page;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.footnote.support.Chromium;
import io.footnote.support.ChromiumPages;
import io.footnote.support.Ready;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat's start, kept conversations, shared links and dark mode, in headless Chromium against the seed
 * articles. Screenshots go to {@code target/screenshots/2x-*.png}.
 */
@QuarkusTest
class ChatFeaturesPageTest {

    private static final String ICE = "How many deportations to China did ICE complete?";

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
    void given_the_empty_page_then_it_says_what_the_corpus_holds_and_a_suggestion_asks_its_question() {
        JsonPath corpus = given().get("/api/corpus").then().statusCode(200).extract().jsonPath();
        List<String> suggestions = corpus.getList("suggestions");
        page = chromium.open(home, 1440, 900);

        Locator buttons = page.locator("#suggestions .suggestion");
        assertThat(buttons).hasCount(suggestions.size());
        for (int i = 0; i < suggestions.size(); i++) {
            assertThat(buttons.nth(i)).hasText(suggestions.get(i));
        }
        assertThat(page.locator("#intro-corpus")).containsText(corpus.getInt("articles") + " articles");
        assertThat(page.locator(".intro-lead")).containsText("hover");
        Chromium.screenshot(page, "20-empty-page-suggestions-1440");
        assertEquals(List.of(), axe("empty page with suggestions"));

        buttons.first().click();
        Locator answer = new ChatPage(page).finished(0);
        assertThat(page.locator("#log .msg-question .msg-text")).hasText(suggestions.get(0));
        assertThat(answer).not().hasClass(java.util.regex.Pattern.compile("\\bmsg-abstained\\b"));
    }

    @Test
    void given_a_phone_then_the_intro_says_tap_not_hover() {
        page = chromium.open(home, 390, 844, new Browser.NewContextOptions().setHasTouch(true).setIsMobile(true));

        assertThat(page.locator(".intro-lead")).containsText("tap it");
        assertThat(page.locator(".intro-lead")).not().containsText("hover");
        assertThat(page.locator("#suggestions .suggestion").first()).isVisible();
        Chromium.screenshot(page, "21-empty-page-390");
    }

    @Test
    void given_an_answered_chat_when_the_page_is_reloaded_then_it_is_kept_and_can_be_reopened_renamed_and_deleted() {
        page = chromium.open(home, 1440, 900);
        ChatPage chat = new ChatPage(page);
        String answered = chat.ask(ICE).locator(".answer-text").textContent();

        page.reload();
        page.waitForSelector("html[data-ready=true]", new Page.WaitForSelectorOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.locator("[data-view-link=chats]").click();
        Locator items = page.locator("#chat-list .chat-item");
        assertThat(items).hasCount(1);
        assertThat(items.first().locator(".doc-link")).hasText(ICE);
        Chromium.screenshot(page, "22-chats-1440");
        assertEquals(List.of(), axe("chats list"));

        // reopening shows the answer as it was, without asking the service again
        AtomicInteger asked = new AtomicInteger();
        page.onRequest(r -> {
            if (r.url().contains("/api/ask")) {
                asked.incrementAndGet();
            }
        });
        items.first().locator(".doc-link").click();
        assertThat(page.locator("#chat-view")).isVisible();
        assertThat(page.locator("#log .msg-answer .answer-text")).hasText(answered);
        assertEquals(0, asked.get());

        // rename, then delete
        page.locator("[data-view-link=chats]").click();
        items.first().getByText("Rename").click();
        page.locator(".rename-input").fill("ICE deportations");
        page.locator(".rename-input").press("Enter");
        assertThat(items.first().locator(".doc-link")).hasText("ICE deportations");
        items.first().getByText("Delete").click();
        assertThat(items).hasCount(0);
        page.reload();
        page.locator("[data-view-link=chats]").click();
        assertThat(page.locator("#chat-list .chat-item")).hasCount(0);
    }

    @Test
    void given_a_shared_link_when_opened_then_it_asks_its_question() {
        URL shared = url(home + "#/ask/" + URLEncoder.encode(ICE, StandardCharsets.UTF_8).replace("+", "%20"));

        page = chromium.open(shared, 390, 844);

        Locator answer = new ChatPage(page).finished(0);
        assertThat(page.locator("#log .msg-question .msg-text")).hasText(ICE);
        assertThat(answer.locator(".answer-text .cite").first()).isVisible();
        assertTrue(page.url().endsWith("#/"), page.url());
        Chromium.screenshot(page, "23-shared-link-answer-390");
    }

    @Test
    void given_a_system_in_dark_mode_then_the_page_is_dark_and_passes_axe() {
        page = chromium.open(home, 1440, 900, new Browser.NewContextOptions().setColorScheme(ColorScheme.DARK));
        List<String> violations = new ArrayList<>(axe("dark empty page"));

        Locator answer = new ChatPage(page).ask(ICE);
        ChatPage.citation(answer, 1).click();
        assertThat(new ChatPage(page).activeSentence()).hasCount(1);
        violations.addAll(axe("dark answer with its article open"));
        String background = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
        Chromium.screenshot(page, "24-dark-answer-1440");

        assertEquals("rgb(21, 23, 27)", background);
        assertEquals(List.of(), violations);
    }

    private static URL url(String s) {
        try {
            return java.net.URI.create(s).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> axe(String state) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            found.add(state + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                    + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
        }
        return found;
    }
}
