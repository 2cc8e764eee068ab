package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The driver's day on a phone (390 × 844, French): confirm "delivered", undo it, bring back an order nobody took. */
@IntegrationTest
class DriversDayBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aDriverConfirmsADeliveryUndoesItAndBringsBackAnOrderWhoseCustomerWasAbsent() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot Toscane 30 cm", "POT-TOSC-30", "19.90", 20, 10);
        String soil = shop.stocked("Terreau universel 40 L", "TER-40", "8.50", 20, 20);
        Account driver = shop.user("DRIVER");
        String first = outForDelivery(shop, driver, "Lucie Bernard", "06 12 34 56 78", "Sonner deux fois, portail vert",
                pot, 2, soil, 1);
        String second = outForDelivery(shop, driver, "Marc Petit", "07 98 76 54 32", null, soil, 3);

        signIn(driver);
        page.navigate("/app/sales/deliveries");
        Locator lucie = page.locator("[data-delivery]").filter(new Locator.FilterOptions().setHasText("Lucie Bernard"));
        assertThat(lucie.locator("[data-instructions]")).containsText("portail vert");
        assertThat(lucie.locator("[data-item='POT-TOSC-30']")).containsText("2 ×");
        assertThat(lucie.locator("[data-item='TER-40']")).containsText("Terreau universel 40 L");
        // 2 × 19,90 + 8,50 = 48,30 excluding VAT; 57,96 with 20 % VAT.
        assertThat(lucie.locator("[data-to-collect]")).containsText("57,96");
        assertNoSidewaysScrolling();
        browsers.screenshot("driver-deliveries-phone");

        // "Livrée" asks first; then the toast offers "Annuler", which puts the order back on the road.
        lucie.locator("[data-action='DELIVERED']").click();
        assertThat(page.locator("#confirm-modal")).containsText("Lucie Bernard");
        assertThat(page.locator("#confirm-modal")).containsText("57,96");
        browsers.screenshot("driver-confirm-delivered");
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-undo-toast]")).containsText("livrée");
        assertThat(page.locator("[data-delivery]")).hasCount(1);
        browsers.screenshot("driver-undo-toast");
        page.locator("[data-undo-toast] [data-undo]").click();
        assertThat(page.locator("[data-flash]")).containsText("de nouveau en livraison");
        assertThat(page.locator("[data-delivery]")).hasCount(2);
        assertThat(page.locator("[data-delivery]").filter(new Locator.FilterOptions().setHasText("Lucie Bernard"))
                .locator("[data-status]")).hasText("En livraison");

        // Marc is not home: "Autre" needs a note, said next to the field; "Client absent" brings the order back.
        Locator marc = page.locator("[data-delivery]").filter(new Locator.FilterOptions().setHasText("Marc Petit"));
        marc.locator("[data-failure-open]").click();
        marc.getByLabel("Autre (précisez)").check();
        marc.locator("[data-failure-submit]").click();
        marc = page.locator("[data-delivery]").filter(new Locator.FilterOptions().setHasText("Marc Petit"));
        assertThat(marc.locator("textarea[name=note]")).hasClass(Pattern.compile(".*is-invalid.*"));
        assertThat(marc.locator(".invalid-feedback")).containsText("Précisez");
        marc.getByLabel("Client absent").check();
        marc.locator("textarea[name=note]").fill("Personne, avis de passage laissé");
        browsers.screenshot("driver-failed-delivery");
        marc.locator("[data-failure-submit]").click();
        assertThat(page.locator("[data-flash]")).containsText("ramenée en boutique");
        marc = page.locator("[data-delivery]").filter(new Locator.FilterOptions().setHasText("Marc Petit"));
        assertThat(marc.locator("[data-status]")).hasText("En préparation");
        assertNoSidewaysScrolling();

        // The order's timeline says what happened.
        page.navigate("/app/sales/orders/" + second);
        assertThat(page.locator("[data-incidents] [data-incident='DELIVERY_FAILED']")).containsText("Client absent");
        assertThat(page.locator("[data-incidents]")).containsText("avis de passage");
        page.navigate("/app/sales/orders/" + first);
        assertThat(page.locator("[data-incidents] [data-incident='DELIVERY_UNDONE']")).containsText("Livraison annulée");
        // Out for delivery again: its page offers the same "customer absent" form.
        assertThat(page.locator("[data-order-actions] [data-failure-open]")).isVisible();
    }

    private void assertNoSidewaysScrolling() {
        Object wide = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(wide).as("sideways scrolling").isEqualTo(false);
    }

    /** An order for a customer (with the order's notes as delivery instructions), taken out by the driver. */
    private static String outForDelivery(SalesApi shop, Account driver, String customer, String phone, String notes,
                                         Object... variantQuantity) {
        Map<String, Object> body = new HashMap<>(SalesApi.orderBody(variantQuantity));
        body.put("customer", Map.of("name", customer, "phone", phone));
        body.put("deliveryAddress", Map.of("line1", "12 rue des Lilas", "postalCode", "69003", "city", "Lyon"));
        if (notes != null) {
            body.put("notes", notes);
        }
        String id = shop.call().body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
        for (String status : List.of("CONFIRMED", "PREPARING")) {
            shop.move(id, status);
        }
        shop.call().body(Map.of("driverId", driver.userId())).post("/api/v1/orders/" + id + "/assign-driver")
                .then().statusCode(200);
        shop.move(id, "OUT_FOR_DELIVERY");
        return id;
    }

    private void signIn(Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app(/.*)?$"));
    }
}
