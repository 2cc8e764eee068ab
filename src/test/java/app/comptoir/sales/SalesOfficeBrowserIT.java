package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

/**
 * The office on a laptop (1280, French): a new order for a customer found by typing, the stock in the picker,
 * a quantity changed in place, the order list filtered by driver, the customer's totals.
 */
@IntegrationTest
class SalesOfficeBrowserIT {

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
    void anOrderForACustomerFoundByTypingIsEditedInPlaceAndTheListFiltersByDriver() {
        SalesApi shop = SalesApi.newShop(port);
        shop.stocked("Pot Toscane 30 cm", "POT-TOSC-30", "10.00", 20, 7);
        shop.stocked("Pot Toscane 40 cm", "POT-TOSC-40", "15.00", 20, 0);
        String customer = shop.customer("Lucie Bernard", "06 98 76 54 32");
        shop.address(customer, "12 rue des Lilas", "Lyon");
        Account driver = shop.user("DRIVER");
        String pot = shop.stocked("Terreau", "TER-40", "8.50", 20, 5);
        String delivered = shop.order(pot, 1).getString("id");
        shop.call().body(Map.of("driverId", driver.userId())).post("/api/v1/orders/" + delivered + "/assign-driver")
                .then().statusCode(200);

        signIn(shop.admin);
        page.navigate("/app/sales/orders/new");
        page.locator("#customer-q").pressSequentially("lucie", new Locator.PressSequentiallyOptions().setDelay(30));
        Locator suggestion = page.locator("[data-customer-suggestions] [data-suggestion='Lucie Bernard']");
        assertThat(suggestion).containsText("06 98 76 54 32");
        browsers.screenshot("sales-customer-autocomplete");
        page.locator("#customer-q").press("Enter");
        page.waitForURL(Pattern.compile(".*/app/sales/orders/new\\?customer=.*"));
        assertThat(page.locator("[data-customer-chosen]")).hasText("Lucie Bernard");
        page.locator("[data-create-order]").click();
        page.waitForURL(Pattern.compile(".*/app/sales/orders/[0-9a-f-]{36}$"));

        // The picker shows what is left of each variant, and flags what is out of stock.
        page.locator("#picker-q").pressSequentially("toscane", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("[data-picker-sku='POT-TOSC-30'] [data-picker-stock]")).containsText("7 disponible");
        assertThat(page.locator("[data-picker-sku='POT-TOSC-40'] [data-out-of-stock]")).hasText("Rupture");
        browsers.screenshot("sales-picker-stock");
        page.locator("[data-picker-sku='POT-TOSC-30'] [data-picker-add]").click();
        assertThat(page.locator("#lines-body tr")).hasCount(1);
        // 1 × 10,00 with 20 % VAT.
        assertThat(page.locator("[data-total-gross]")).hasText(Pattern.compile("12,00\\s€"));

        // The quantity changes in place: Tab sends it, the totals follow; a wrong one is said next to the field.
        Locator quantity = page.locator("#lines-body [data-quantity-input]");
        quantity.fill("3");
        quantity.press("Tab");
        assertThat(page.locator("[data-total-gross]")).hasText(Pattern.compile("36,00\\s€"));
        page.locator("#lines-body [data-quantity-input]").fill("0");
        page.locator("#lines-body [data-quantity-input]").press("Enter");
        assertThat(page.locator("#lines-body [data-quantity-error]")).containsText("1 à 100 000");
        assertThat(page.locator("#lines-body [data-quantity-input]")).hasValue("0");
        assertThat(page.locator("[data-total-gross]")).hasText(Pattern.compile("36,00\\s€"));
        browsers.screenshot("sales-quantity-in-place");

        // The list filters by driver; the filter is in the address, so a reload keeps it.
        page.navigate("/app/sales/orders");
        assertThat(page.locator("#orders-body tr")).hasCount(2);
        page.locator("#orders-driver").selectOption(driver.userId().toString());
        assertThat(page.locator("#orders-body tr")).hasCount(1);
        page.waitForURL(Pattern.compile(".*driver=" + driver.userId() + ".*"));
        page.reload();
        assertThat(page.locator("#orders-body tr")).hasCount(1);
        assertThat(page.locator("#orders-driver")).hasValue(driver.userId().toString());
        browsers.screenshot("sales-orders-by-driver");

        // The customer's page sums up what they ordered.
        page.navigate("/app/sales/customers/" + customer);
        assertThat(page.locator("[data-total-orders]")).hasText("1");
        assertThat(page.locator("[data-total-spent]")).hasText(Pattern.compile("0,00\\s€"));
    }

    private void signIn(Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app(/.*)?$"));
    }
}
