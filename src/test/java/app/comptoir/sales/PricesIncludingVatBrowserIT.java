package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** A shop whose prices include VAT, in French, as its owner sees it: "Prix TTC" on products, VAT inside the totals. */
@IntegrationTest
class PricesIncludingVatBrowserIT {

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
    void theProductFormSaysPricesIncludeVatAndTheOrderShowsTheVatInsideTheTotal() {
        SalesApi shop = SalesApi.newShop(port, "EUR", true);
        String can = shop.stocked("Arrosoir en zinc", "ARR-ZINC", "12.00", 20, 10);
        String productId = shop.call().get("/api/v1/products?q=arrosoir").then().extract().path("items[0].id");
        JsonPath order = shop.order(can, 3);
        signIn(shop.admin);

        page.navigate("/app/catalog/products");
        assertThat(page.locator(".products-table thead")).containsText("Prix TTC");
        page.navigate("/app/catalog/products/" + productId);
        assertThat(page.locator("[data-price-label]")).hasText("Prix TTC (EUR)");
        assertThat(page.locator("label[for=price]")).containsText("Prix TTC des nouvelles variantes");
        browsers.screenshot("prices-ttc-product");

        page.navigate("/app/sales/orders/" + order.getString("id"));
        assertThat(page.locator("table:has(#lines-body) thead")).containsText("Prix unitaire TTC");
        assertThat(page.locator("table:has(#lines-body) thead")).containsText("Montant TTC");
        assertThat(page.locator("#lines-body tr").first()).containsText(Pattern.compile("36,00\\s€"));
        // 3 × 12,00 € TTC: 36,00 € of which 6,00 € of VAT at 20 %, 30,00 € excluding VAT.
        assertThat(page.locator("[data-totals]")).containsText("Total HT");
        assertThat(page.locator("[data-totals]")).containsText("TVA 20 %");
        assertThat(page.locator("[data-totals]")).containsText("Total TTC");
        assertThat(page.locator("[data-total-net]")).hasText(Pattern.compile("30,00\\s€"));
        assertThat(page.locator("[data-total-vat]")).hasText(Pattern.compile("6,00\\s€"));
        assertThat(page.locator("[data-total-gross]")).hasText(Pattern.compile("36,00\\s€"));
        browsers.screenshot("prices-ttc-order");

        // The product picker of a quote says the catalog price includes VAT.
        String quote = shop.call().body(Map.of("customer", Map.of("name", "Mme Devis", "phone",
                "0600000000"), "lines", List.of())).post("/api/v1/quotes").then().statusCode(201)
                .extract().path("id");
        page.navigate("/app/sales/quotes/" + quote);
        page.locator("#picker-q").pressSequentially("zinc", new Locator.PressSequentiallyOptions()
                .setDelay(30));
        assertThat(page.locator("[data-picker-sku='ARR-ZINC']")).containsText(Pattern.compile("12,00\\s€ TTC"));

        // The settings say which way prices are entered, and what changing it does.
        page.navigate("/app/settings");
        assertThat(page.getByLabel("Prix TTC (TVA comprise)")).isChecked();
        assertThat(page.locator("#prices-hint")).containsText("leurs totaux restent les mêmes");
    }

    private void signIn(Account account) {
        Browsers.signIn(page, account.email(), account.password());
    }
}
