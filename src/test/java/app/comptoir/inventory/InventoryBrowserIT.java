package app.comptoir.inventory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

/** The stock screens in Debian's headless chromium, the way a shopkeeper uses them. */
@IntegrationTest
class InventoryBrowserIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchBrowser() {
        // No browser download: the test drives the system's chromium.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860)
                .setBaseURL("http://localhost:" + port).setLocale("fr-FR"));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void anExitThatCrossesTheAlertLevelRaisesAnAlert() {
        InventoryApi shop = InventoryApi.newShop(port);
        String hose = shop.product("Tuyau d'arrosage 25 m", "TUY-WEB");
        shop.receive(hose, 8);
        shop.call().body(Map.of("alertLevel", 5)).put("/api/v1/stocks/" + hose).then().statusCode(200);

        page.navigate("/login");
        page.locator("#email").fill(shop.admin.email());
        page.locator("#password").fill(shop.admin.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL("**/app");

        page.locator("[data-navigation]").getByText("Stock").click();
        page.waitForURL("**/app/inventory/stock");
        assertThat(page.locator("#stock-body tr[data-sku='TUY-WEB'] [data-available]")).hasText("8");
        assertThat(page.locator("#stock-body tr[data-sku='TUY-WEB'] [data-status]")).hasText("En stock");
        assertThat(page.locator("[data-unread-alerts]")).hasCount(0);

        // A scan at the counter: 4 hoses go out, leaving 4, under the alert level of 5.
        page.getByLabel("Code-barres ou SKU").fill("TUY-WEB");
        page.getByLabel("Quantité").fill("4");
        page.getByLabel("Motif").fill("Vente au comptoir");
        page.locator("[data-quick-out]").click();

        page.waitForURL("**/app/inventory/stock");
        assertThat(page.locator("[data-flash]")).containsText("Sortie enregistrée : TUY-WEB → 4");
        assertThat(page.locator("#stock-body tr[data-sku='TUY-WEB'] [data-status]")).hasText("Stock bas");
        assertThat(page.locator("[data-unread-alerts]")).hasText("1");
        screenshot("inventory-levels");

        page.locator("[data-alerts-tab]").click();
        page.waitForURL("**/app/inventory/stock/alerts");
        assertThat(page.locator("[data-alert-group='LOW_STOCK'] [data-alert-sku='TUY-WEB']"))
                .containsText("Tuyau d'arrosage 25 m");
        assertThat(page.locator("[data-alert-sku='TUY-WEB']")).containsText("Attention");
        assertThat(page.locator("[data-alert-sku='TUY-WEB']")).containsText("4 disponible(s)");
        screenshot("inventory-alerts");

        page.locator("[data-read-all]").click();
        page.waitForURL("**/app/inventory/stock/alerts");
        assertThat(page.locator("[data-alert-sku='TUY-WEB']")).hasAttribute("data-state", "READ");
        assertThat(page.locator("[data-unread-alerts]")).hasCount(0);

        // An exit beyond what is left is refused with a clear message.
        page.locator("[data-inventory-tabs]").getByText("Niveaux").click();
        page.getByLabel("Code-barres ou SKU").fill("TUY-WEB");
        page.getByLabel("Quantité").fill("9");
        page.locator("[data-quick-out]").click();
        page.waitForURL("**/app/inventory/stock");
        assertThat(page.locator("[data-conflict]")).containsText("Stock insuffisant");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
