package app.comptoir.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.ViewportSize;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Debian's headless chromium for the browser tests, as a JUnit extension: one browser per test class, a
 * fresh French context per test pointed at the application's random port, and a screenshot of the page in
 * {@code target/screenshots/failures} when a test fails (and of every other page it opened). Register it with
 * {@code @RegisterExtension static final Browsers browsers = Browsers.chromium(1280, 860);} and use
 * {@link #page()} in the tests, and {@link #anotherPage()} for a second person signed in at the same time.
 *
 * <p>The tests wait on what a user sees, never on time: CSS transitions and animations are off in every
 * page (a Bootstrap modal ignores a click on its buttons while it is still fading in, which made a
 * confirm dialog stay open under load), and every wait and assertion has a timeout generous enough for a
 * loaded two-core machine, so that a slow answer makes a test slower, not red.
 */
public final class Browsers implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterTestExecutionCallback, AfterEachCallback {

    /** Where the tests' screenshots go. */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** How long an assertion waits for the page to reach the expected state. */
    public static final double ASSERTION_TIMEOUT_MS = 30_000;

    /** How long an action (click, fill) or a navigation waits before failing. */
    private static final double ACTION_TIMEOUT_MS = 30_000;
    private static final double NAVIGATION_TIMEOUT_MS = 60_000;

    /** Injected before every page's scripts: no transition or animation may delay a state change. */
    private static final String NO_MOTION = """
            (() => {
              const add = () => {
                const style = document.createElement('style');
                style.setAttribute('data-test-no-motion', '');
                style.textContent = '*, *::before, *::after { transition: none !important;'
                    + ' animation: none !important; scroll-behavior: auto !important; }';
                (document.head || document.documentElement).appendChild(style);
              };
              if (document.readyState === 'loading') {
                document.addEventListener('DOMContentLoaded', add);
              } else {
                add();
              }
            })();
            """;

    private final int width;
    private final int height;
    private final List<String> extraArgs = new ArrayList<>();
    private Playwright playwright;
    private Browser browser;
    private String baseUrl;
    private BrowserContext context;
    private Page page;
    private final List<BrowserContext> others = new ArrayList<>();

    private Browsers(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Chromium with a window of this size. */
    public static Browsers chromium(int width, int height) {
        return new Browsers(width, height);
    }

    /**
     * The same browser launched with these chromium switches as well, such as a fake camera showing a file:
     * {@code --use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file.y4m>}.
     */
    public Browsers withArgs(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    /** Signs in to the back office through its login form, as a person would, and waits for the home page. */
    public static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app$"));
    }

    /** The current test's page, in French, with relative URLs resolved against the application. */
    public Page page() {
        return page;
    }

    /**
     * A page in a browser context of its own (its own cookies, so its own session), set up like {@link #page()}
     * and closed after the test: another person working at the same time, such as the supplier of the shop
     * signed in on the test's page.
     */
    public Page anotherPage() {
        BrowserContext other = newContext();
        others.add(other);
        return other.newPage();
    }

    /**
     * The whole page, in a window as tall as the page: a full-page shot of a shorter window would draw the
     * sticky bars (navigation, save bar) in the middle of the picture.
     */
    public void screenshot(String name) {
        screenshot(page, SCREENSHOTS.resolve(name + ".png"));
    }

    /** The whole of another page (one of {@link #anotherPage()}), as {@link #screenshot(String)} does. */
    public void screenshot(Page shown, String name) {
        screenshot(shown, SCREENSHOTS.resolve(name + ".png"));
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
        // No browser download: the tests drive the system's chromium.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"));
        args.addAll(extraArgs);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(args));
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        String port = SpringExtension.getApplicationContext(extension).getEnvironment()
                .getRequiredProperty("local.server.port");
        baseUrl = "http://localhost:" + port;
        context = newContext();
        page = context.newPage();
    }

    private BrowserContext newContext() {
        BrowserContext created = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setBaseURL(baseUrl).setLocale("fr-FR")
                // Bootstrap drops its fades under reduced motion; the injected style covers the rest.
                .setReducedMotion(ReducedMotion.REDUCE));
        created.setDefaultTimeout(ACTION_TIMEOUT_MS);
        created.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
        created.addInitScript(NO_MOTION);
        return created;
    }

    @Override
    public void afterTestExecution(ExtensionContext extension) {
        if (extension.getExecutionException().isEmpty()) {
            return;
        }
        String name = extension.getRequiredTestClass().getSimpleName() + "-" + extension.getRequiredTestMethod().getName();
        if (page != null && !page.isClosed()) {
            screenshot(page, SCREENSHOTS.resolve("failures").resolve(name + ".png"));
        }
        for (int i = 0; i < others.size(); i++) {
            for (Page other : others.get(i).pages()) {
                if (!other.isClosed()) {
                    screenshot(other, SCREENSHOTS.resolve("failures").resolve(name + "-other-" + (i + 1) + ".png"));
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        others.forEach(BrowserContext::close);
        others.clear();
        if (context != null) {
            context.close();
        }
        context = null;
        page = null;
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static void screenshot(Page shown, Path file) {
        ViewportSize window = shown.viewportSize();
        int pageHeight = ((Number) shown.evaluate("document.documentElement.scrollHeight")).intValue();
        shown.setViewportSize(window.width, Math.max(window.height, pageHeight));
        shown.evaluate("window.scrollTo(0, 0)");
        shown.screenshot(new Page.ScreenshotOptions().setPath(file));
        shown.setViewportSize(window.width, window.height);
    }
}
