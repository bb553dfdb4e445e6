package io.footnote.web.page;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.footnote.support.Chromium;
import io.footnote.support.ChromiumPages;
import io.footnote.support.Ready;
import io.footnote.web.security.SecurityProfiles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code footnote.api-keys} set, the page asks for a key when the service answers 401, repeats the
 * question once one is entered, and keeps it for the tab. The page runs under the service's
 * Content-Security-Policy throughout; the browser must report no violation.
 */
@QuarkusTest
@TestProfile(SecurityProfiles.QuestionKeys.class)
class AccessKeyPageTest {

    private static final String QUESTION = "What tariffs did Trump threaten to put on Colombia?";

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @TestHTTPResource("/")
    URL home;

    private Page page;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        Ready.awaitIndex();
        page = chromium.open(home, 1440, 900);
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
    }

    @Test
    void asks_for_the_access_key_then_answers_the_question_that_was_refused() {
        ChatPage chat = new ChatPage(page);
        // given a service that wants a key, when the reader asks without one
        chat.questionBox().fill(QUESTION);
        chat.questionBox().press("Enter");
        Locator form = page.locator("#key-form");
        assertThat(form).isVisible();
        assertThat(page.locator("#key-lead")).containsText("needs an access key");
        assertThat(page.locator("#api-key")).isFocused();
        Chromium.screenshot(page, "20-access-key-1440");

        // a wrong key is refused and the form comes back saying so
        page.locator("#api-key").fill("not-a-key");
        page.locator("#api-key").press("Enter");
        assertThat(page.locator("#key-lead")).containsText("not accepted");

        // the right key answers the question, with citations
        page.locator("#api-key").fill(SecurityProfiles.QuestionKeys.SECOND);
        page.locator("#api-key").press("Enter");
        assertThat(form).isHidden();
        Locator answer = chat.answers().last();
        assertThat(answer).hasAttribute("aria-busy", "false");
        assertThat(ChatPage.citation(answer, 1)).isVisible();
        assertEquals(1, chat.answers().count(), "refused attempts are replaced by the answer");

        // and the key is kept for the next question in this tab
        Locator next = chat.ask("What did Colombia's president say about the deportation flights?");
        assertThat(ChatPage.citation(next, 1)).isVisible();
        assertThat(form).isHidden();
        assertTrue(console.stream().noneMatch(l -> l.contains("Content Security Policy")), String.join("\n", console));
    }
}
