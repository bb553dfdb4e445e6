package io.footnote.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One {@link Chromium} for a test class, registered as {@code @RegisterExtension static final ChromiumPages
 * browser = new ChromiumPages();}: launched before the class's first test, closed after its last. Every page
 * a test opens through it is closed (with its context) after that test, so no test sees another's storage.
 */
public final class ChromiumPages implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final List<Page> opened = new CopyOnWriteArrayList<>();
    private Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.launch();
    }

    /** A new page, with its own storage, showing {@code url} once its script has wired it up. */
    public Page open(URL url, int width, int height) {
        return track(browser().open(url, width, height));
    }

    public Page open(URL url, int width, int height, Browser.NewContextOptions options) {
        return track(browser().open(url, width, height, options));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Page page : opened) {
            page.context().close(); // a no-op for a context the test closed itself
        }
        opened.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    private Page track(Page page) {
        opened.add(page);
        return page;
    }

    private Chromium browser() {
        if (chromium == null) {
            throw new IllegalStateException("ChromiumPages opens pages only between its class's first and last test:"
                    + " register it as a static @RegisterExtension field");
        }
        return chromium;
    }
}
