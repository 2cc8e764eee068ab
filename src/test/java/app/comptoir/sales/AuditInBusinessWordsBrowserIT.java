package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The audit trail of an order as its administrator reads it in French: business words, names, not codes. */
@IntegrationTest
class AuditInBusinessWordsBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    @Test
    void anOrdersConfirmationReadsBrouillonToConfirmeeByTheNameOfWhoDidIt() {
        SalesApi shop = SalesApi.newShop(port);
        Account manager = shop.user("MANAGER");
        String managerName = "User " + manager.email().substring(0, 13);
        String hose = shop.stocked("Tuyau", "TUY-FR", "16.90", 20, 10);
        String order = shop.as(manager).body(Map.of("customer", Map.of("name", "M. Vert", "phone", "0633333333"),
                "lines", List.of(Map.of("variantId", hose, "quantity", 2)))).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        shop.as(manager).post("/api/v1/orders/" + order + "/confirm").then().statusCode(200);

        Page page = browsers.page();
        page.navigate("/login");
        page.locator("#email").fill(shop.admin.email());
        page.locator("#password").fill(Api.PASSWORD);
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL("**/app**");
        page.navigate("/app/audit?entityType=order&entityId=" + order);

        Locator rows = page.locator("[data-audit-panel] tbody tr");
        assertThat(rows).hasCount(2);
        Locator confirmed = rows.first();
        assertThat(confirmed.locator(".changes")).hasText(java.util.regex.Pattern.compile("Statut\\s*Brouillon\\s*→[\\s\\S]*Confirmée"));
        assertThat(confirmed.locator(".audit-who")).hasText(managerName);
        assertThat(confirmed).containsText("Commande");
        assertThat(confirmed).containsText("Modification");
        Locator created = rows.nth(1);
        assertThat(created).containsText("Création");
        assertThat(created.locator(".changes")).containsText("Montant TTC");
        // 2 × 16,90 € with VAT included or not: an amount in euros, written the French way.
        assertThat(created.locator(".changes")).containsText(java.util.regex.Pattern.compile("\\d+,\\d{2}\\s€"));
        // The type filter speaks business words too.
        assertThat(page.locator("#entityType option[value='order']")).hasText("Commande");
        browsers.screenshot("audit-order-fr");
    }
}
