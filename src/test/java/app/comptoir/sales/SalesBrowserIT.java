package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

/** A sale from quote to delivery in Debian's headless chromium, the way the garden shop and its driver work. */
@IntegrationTest
class SalesBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aQuoteBecomesAnOrderThatADriverDeliversAndTheStockJournalShowsTheSale() {
        SalesApi shop = SalesApi.newShop(port);
        shop.stocked("Pot Toscane 30 cm", "POT-TOSC-30", "19.90", 20, 10);
        shop.stocked("Terreau universel 40 L", "TER-40", "8.50", 20, 20);
        Account driver = shop.user("DRIVER");
        String customer = shop.customer("Lucie Bernard", "06 12 34 56 78");
        shop.address(customer, "12 rue des Lilas", "Lyon");

        // The manager opens the customer and starts a quote for her.
        signIn(shop.admin);
        page.locator("[data-navigation]").getByText("Ventes").click();
        page.waitForURL("**/app/sales/orders");
        page.locator("[data-sales-tabs]").getByText("Clients").click();
        page.locator("#customers-q").pressSequentially("lucie", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#customers-body tr")).hasCount(1);
        page.locator("#customers-body a", new Page.LocatorOptions().setHasText("Lucie Bernard")).click();
        assertThat(page.locator("[data-addresses]")).containsText("12 rue des Lilas");
        assertThat(page.locator("[data-default-delivery]")).isVisible();
        page.locator("[data-new-quote]").click();
        page.locator("[data-create-order]").click();
        page.waitForURL(Pattern.compile(".*/app/sales/quotes/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-flash]")).containsText("DEV-2026-");

        // Lines come from the picker, by name and by SKU; the totals follow what is typed.
        page.locator("#picker-q").pressSequentially("toscane", new Locator.PressSequentiallyOptions().setDelay(30));
        page.locator("[data-picker-sku='POT-TOSC-30'] input[name=quantity]").fill("3");
        page.locator("[data-picker-sku='POT-TOSC-30'] [data-picker-add]").click();
        assertThat(page.locator("#quote-lines tr")).hasCount(1);
        page.locator("#picker-q").pressSequentially("TER-40", new Locator.PressSequentiallyOptions().setDelay(30));
        page.locator("[data-picker-sku='TER-40'] [data-picker-add]").click();
        assertThat(page.locator("#quote-lines tr")).hasCount(2);
        // 3 × 19,90 + 8,50 = 68,20 excluding VAT; 81,84 with 20 % VAT.
        assertThat(page.locator("[data-total-gross]")).hasText(Pattern.compile("81,84\\s€"));
        Locator discount = page.locator("#quote-lines tr[data-line-sku='TER-40'] [data-discount]");
        discount.fill("10");
        discount.press("Tab");
        // 3 × 19,90 + 7,65 = 67,35 excluding VAT; 80,82 with VAT, recomputed by the server without a reload.
        assertThat(page.locator("[data-total-gross]")).hasText(Pattern.compile("80,82\\s€"));
        browsers.screenshot("sales-quote");

        // Convert: the order keeps the lines and the customer's delivery address.
        page.locator("[data-convert]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        page.waitForURL(Pattern.compile(".*/app/sales/orders/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-flash]")).containsText("CMD-2026-");
        assertThat(page.locator("#lines-body tr")).hasCount(2);
        assertThat(page.locator("[data-delivery]")).containsText("12 rue des Lilas");
        String orderUrl = page.url();

        // Confirm (stock reserved), prepare, and hand it to the driver.
        page.locator("[data-action='CONFIRMED']").click();
        assertThat(page.locator("[data-flash]")).containsText("le stock est réservé");
        assertThat(page.locator("[data-timeline] [data-step='CONFIRMED']")).hasAttribute("data-done", "true");
        page.locator("[data-action='PREPARING']").click();
        assertThat(page.locator("[data-status]").first()).hasText("En préparation");
        page.locator("#driver").selectOption(driver.userId().toString());
        page.locator("[data-assign-driver]").click();
        assertThat(page.locator("[data-driver]")).not().hasText("Aucun livreur");
        assertThat(page.locator("[data-order-actions] [data-action='DELIVERED']")).hasCount(0);
        browsers.screenshot("sales-order");
        signOut();

        // The driver, on a phone, takes it out and delivers it from "My deliveries".
        page.setViewportSize(390, 844);
        signIn(driver);
        page.locator(".navbar-toggler").click();
        page.locator("[data-navigation]").getByText("Mes livraisons").click();
        page.waitForURL("**/app/sales/deliveries");
        Locator card = page.locator("[data-delivery]");
        assertThat(card).hasCount(1);
        assertThat(card).containsText("Lucie Bernard");
        assertThat(card.locator("[data-call]")).hasAttribute("href", "tel:06 12 34 56 78");
        assertThat(card.locator("[data-map-link]")).hasAttribute("href", Pattern.compile(".*openstreetmap.*Lilas.*"));
        card.locator("[data-action='OUT_FOR_DELIVERY']").click();
        assertThat(page.locator("[data-flash]")).containsText("partie en livraison");
        browsers.screenshot("sales-deliveries-phone");
        page.locator("[data-delivery] [data-action='DELIVERED']").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-undo-toast]")).containsText("livrée");
        assertThat(page.locator("[data-empty-state]")).isVisible();
        signOut();

        // Back at the office: the timeline is complete, and the stock journal shows the two sales.
        page.setViewportSize(1280, 900);
        signIn(shop.admin);
        page.navigate(orderUrl);
        assertThat(page.locator("[data-timeline] [data-done='true']")).hasCount(5);
        assertThat(page.locator("[data-timeline] [data-step='DELIVERED']")).containsText("·");
        page.navigate("/app/inventory/stock/movements?type=SALE");
        Locator sales = page.locator("[data-movements] tr[data-type='SALE']");
        assertThat(sales).hasCount(2);
        assertThat(page.locator("[data-movements]")).containsText("POT-TOSC-30");
        assertThat(page.locator("[data-movements]")).containsText("TER-40");
        assertThat(sales.filter(new Locator.FilterOptions().setHasText("POT-TOSC-30"))).containsText("-3");
        browsers.screenshot("sales-stock-journal");
    }

    private void signIn(Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("#login-form button[type=submit]").click();
        // A driver lands on their deliveries, the others on the home page.
        page.waitForURL(Pattern.compile(".*/app(/sales/deliveries)?$"));
    }

    private void signOut() {
        page.navigate("/app");
        if (page.locator(".navbar-toggler").isVisible()) {
            page.locator(".navbar-toggler").click();
        }
        page.locator("#user-menu").click();
        page.locator("[data-logout]").click();
        page.waitForURL("**/login?logout");
    }
}
