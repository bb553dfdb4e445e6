package io.footnote.web.page;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The chat page as a reader uses it: a question box, the conversation, the article panel. */
final class ChatPage {

    final Page page;

    ChatPage(Page page) {
        this.page = page;
    }

    Locator questionBox() {
        return page.locator("#question");
    }

    Locator answers() {
        return page.locator("#log .msg-answer");
    }

    Locator reader() {
        return page.locator("#reader");
    }

    Locator activeSentence() {
        return page.locator("#reader-text .s.hl-active");
    }

    /** Types the question, presses Enter, and waits until its answer has finished streaming. */
    Locator ask(String question) {
        int before = answers().count();
        questionBox().fill(question);
        questionBox().press("Enter");
        return finished(before);
    }

    /** The {@code n}th answer (from 0), once it is no longer busy. */
    Locator finished(int n) {
        Locator answer = answers().nth(n);
        assertThat(answer).hasAttribute("aria-busy", "false");
        return answer;
    }

    /** Citation button {@code id} in the text of an answer (not the one in its source list). */
    static Locator citation(Locator answer, int id) {
        return answer.locator(".answer-text .cite[data-cite=\"" + id + "\"]");
    }

    /** True when the element lies wholly inside the window and inside the article panel's visible text. */
    boolean inView(Locator element) {
        return (Boolean) element.evaluate("""
                el => {
                  const r = el.getBoundingClientRect();
                  const box = el.closest('.reader-text').getBoundingClientRect();
                  return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom
                      && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
                }""");
    }

    /** The element that has keyboard focus, described as tag#id.class for messages and comparisons. */
    String focused() {
        return (String) page.evaluate("""
                () => { const e = document.activeElement;
                        return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') : ''; }""");
    }

    /** Presses Tab until {@code selector} has focus; fails after {@code max} presses. */
    void tabTo(String selector, int max) {
        for (int i = 0; i < max; i++) {
            if ((Boolean) page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab did not reach " + selector + " in " + max + " presses; focus is on " + focused());
    }
}
