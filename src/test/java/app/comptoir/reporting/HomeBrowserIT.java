package app.comptoir.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The home page in Debian's headless chromium, in French: today's work, the driver's landing, the first-run guide. */
@IntegrationTest
class HomeBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    private Page page;

    @BeforeEach
    void open() {
        page = browsers.page();
    }

    @Test
    void theOwnerSeesTodaysWorkAndFollowsTheStockOutsToTheAlerts() {
        signIn("admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        page.waitForURL("**/app");

        assertThat(page.locator("h1")).containsText("Bonjour");
        assertThat(page.locator("[data-home-orders]")).containsText("À confirmer");
        assertThat(page.locator("[data-home-orders]")).containsText("En livraison");
        assertThat(page.locator("[data-home-sales]")).containsText("Aujourd'hui");
        String stockOuts = page.locator("[data-home-figure='stock-outs'] [data-count]").textContent().strip();
        browsers.screenshot("home");

        page.locator("[data-home-figure='stock-outs']").click();
        page.waitForURL("**/app/inventory/stock/alerts?type=OUT_OF_STOCK");
        assertThat(page.locator("[data-alert-count='OUT_OF_STOCK'] [data-count]")).hasText(stockOuts);
        assertThat(page.locator("[data-alert-group='OUT_OF_STOCK']")).isVisible();
        assertThat(page.locator("[data-alert-group='LOW_STOCK']")).hasCount(0);

        page.navigate("/app");
        page.locator("[data-home-figure='DRAFT']").click();
        page.waitForURL("**/app/sales/orders?status=DRAFT");
    }

    @Test
    void aDriverLandsOnTheirDeliveries() {
        page.setViewportSize(390, 844);
        signIn("driver@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        page.waitForURL("**/app/sales/deliveries");
        assertThat(page.locator("h1")).isVisible();
    }

    @Test
    void aNewBusinessSeesTheFirstRunGuideAndTicksItsFirstProduct() {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        page.navigate("/signup");
        page.getByLabel("Nom du commerce").fill("Fleurs de Mai");
        page.locator("#name").fill("Rose Lambert");
        page.getByLabel("Votre adresse e-mail").fill(email);
        page.locator("#password").fill("une-phrase-secrète-42");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon commerce")).click();
        page.waitForURL("**/app");

        assertThat(page.locator("[data-guide]")).containsText("Bien démarrer");
        assertThat(page.locator("[data-guide] [data-step='product']")).hasAttribute("data-done", "false");
        browsers.screenshot("home-first-run");

        page.locator("[data-guide] [data-step='product'] a").click();
        page.waitForURL("**/app/catalog/products/new");
        page.getByLabel("Nom du produit").fill("Bouquet de saison");
        page.locator("[name='variants[0].sku']").fill("BOU-SAISON");
        page.locator("[name='variants[0].price']").fill("25,00");
        page.locator("[data-save-product]").click();
        page.waitForURL(Pattern.compile(".*/app/catalog/products/[0-9a-f-]{36}$"));

        page.navigate("/app");
        assertThat(page.locator("[data-guide] [data-step='product']")).hasAttribute("data-done", "true");
        assertThat(page.locator("[data-guide]")).containsText("1 étape(s) sur 4");

        page.locator("[data-guide-dismiss]").click();
        page.waitForURL("**/app");
        assertThat(page.locator("[data-flash]")).containsText("Le guide de démarrage est masqué.");
        assertThat(page.locator("[data-guide]")).hasCount(0);
    }

    private void signIn(String email, String password) {
        page.navigate("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("#login-form button[type=submit]").click();
    }
}
