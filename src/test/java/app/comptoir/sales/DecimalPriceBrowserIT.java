package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * Issue #13, in French: a price is typed on an order line as a French shop types it ("12,50"), read back as
 * 12,50 €, and a price that is not one is refused next to its field, nothing changed.
 */
@IntegrationTest
class DecimalPriceBrowserIT {

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
    void aPriceTypedWithADecimalCommaOnADraftOrderLineComesBackAsTwelveFiftyEuros() {
        SalesApi shop = SalesApi.newShop(port);
        String variant = shop.stocked("Arrosoir 10 L", "ARR-10", "9.90", 20, 5);
        String order = shop.order(variant, 2).getString("id");
        Browsers.signIn(page, shop.admin.email(), shop.admin.password());

        page.navigate("/app/sales/orders/" + order);
        Locator line = page.locator("#lines tr[data-line-sku='ARR-10']");
        Locator price = line.locator("[data-price-input]");
        assertThat(price).hasValue("9,90");
        assertThat(price).hasAttribute("inputmode", "decimal");
        price.fill("12,50");
        price.press("Tab");
        assertThat(line.locator("[data-line-amount]")).hasText(Pattern.compile("25,00\\s€"));
        assertThat(line.locator("[data-price-input]")).hasValue("12,50");
        browsers.screenshot("sales-order-line-price");

        // A point is read too; a word is refused next to the field, the price unchanged.
        line.locator("[data-price-input]").fill("13.5");
        line.locator("[data-price-input]").press("Tab");
        assertThat(line.locator("[data-line-amount]")).hasText(Pattern.compile("27,00\\s€"));
        assertThat(line.locator("[data-price-input]")).hasValue("13,50");
        line.locator("[data-price-input]").fill("douze");
        line.locator("[data-price-input]").press("Enter");
        assertThat(line.locator("[data-price-error]")).hasText("Un montant de 0 ou plus, par exemple 12,50.");
        assertThat(line.locator("[data-price-input]")).hasAttribute("aria-invalid", "true");
        assertThat(line.locator("[data-line-amount]")).hasText(Pattern.compile("27,00\\s€"));
        shop.call().get("/api/v1/orders/" + order).then().statusCode(200)
                .body("lines[0].unitPrice", org.hamcrest.Matchers.comparesEqualTo(13.5f));
    }
}
