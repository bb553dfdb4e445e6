package io.footnote.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Chromium driven by Playwright, for tests of the web page. It is the system's Chromium (Debian's
 * {@code chromium} package, which {@code .ci/run} installs), never a browser Playwright downloads; set
 * {@code CHROMIUM_PATH} when it lives elsewhere. Screenshots go to {@code target/screenshots/}.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** No sandbox (CI runs as root), no GPU, and nothing that reaches for the network on its own. */
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--disable-extensions");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path executable = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The browser tests need Chromium at " + executable
                    + ": install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.");
        }
        // The first answer after start-up warms the embedding model up; allow for a slow, shared machine.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new page, with its own storage, showing {@code url} once its script has wired it up. */
    public Page open(URL url, int width, int height) {
        return open(url, width, height, new Browser.NewContextOptions());
    }

    public Page open(URL url, int width, int height, Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setViewportSize(width, height));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.navigate(url.toString());
        page.waitForSelector("html[data-ready=true]", new Page.WaitForSelectorOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        return page;
    }

    /** Saves what the page shows now as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
