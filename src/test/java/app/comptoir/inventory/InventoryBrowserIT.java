package app.comptoir.inventory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The stock screens in Debian's headless chromium, the way a shopkeeper uses them. */
@IntegrationTest
class InventoryBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void anExitThatCrossesTheAlertLevelRaisesAnAlert() {
        InventoryApi shop = InventoryApi.newShop(port);
        String hose = shop.product("Tuyau d'arrosage 25 m", "TUY-WEB");
        shop.receive(hose, 8);
        shop.call().body(Map.of("alertLevel", 5)).put("/api/v1/stocks/" + hose).then().statusCode(200);

        Browsers.signIn(page, shop.admin.email(), shop.admin.password());

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
        browsers.screenshot("inventory-levels");

        page.locator("[data-alerts-tab]").click();
        page.waitForURL("**/app/inventory/stock/alerts");
        assertThat(page.locator("[data-alert-group='LOW_STOCK'] [data-alert-sku='TUY-WEB']"))
                .containsText("Tuyau d'arrosage 25 m");
        assertThat(page.locator("[data-alert-sku='TUY-WEB']")).containsText("Attention");
        assertThat(page.locator("[data-alert-sku='TUY-WEB']")).containsText("4 disponible(s)");
        browsers.screenshot("inventory-alerts");

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

}
