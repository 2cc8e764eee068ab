package app.comptoir.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * A customer on their phone (390 × 844, French) in the demo garden shop: the home page, a search with a typo
 * ("rozier"), a rose bush from the results, then another size: its SKU, price and availability change with it, and
 * the cart form sends that variant. The page's JSON-LD data block is read by the browser under the shop's
 * Content-Security-Policy, and nothing is wider than the phone.
 */
@IntegrationTest
class StorefrontBrowserIT {

    private static final String SHOP = "/shop/jardin-des-lilas";

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @Test
    void aCustomerFindsARoseBushDespiteATypoAndChoosesItsSize() {
        Page phone = browsers.page();
        phone.navigate(SHOP);
        assertThat(phone.locator("[data-shop-name]")).hasText("Jardin des Lilas");
        assertThat(phone.locator("[data-featured-categories] [data-category]").first()).isVisible();
        assertThat(phone.locator("[data-newest] [data-product]").first()).isVisible();
        // The visitor's part of the header arrives after the page.
        assertThat(phone.locator("[data-shop-visitor-loaded] [data-shop-sign-in]")).hasText("Se connecter");
        assertNoSidewaysScrolling(phone);
        browsers.screenshot("shop-home-phone");

        phone.getByLabel("Rechercher un produit").fill("rozier");
        phone.getByLabel("Rechercher un produit").press("Enter");
        assertThat(phone.locator("[data-list-title]")).containsText("rozier");
        Locator rose = phone.locator("[data-products] [data-product^='Rosier']").first();
        assertThat(rose).isVisible();
        assertNoSidewaysScrolling(phone);
        browsers.screenshot("shop-search-phone");
        rose.locator("a").first().click();

        assertThat(phone.locator("[data-product-name]")).containsText("Rosier");
        Locator size = phone.locator("select[data-option='Conditionnement']");
        assertThat(size).isVisible();
        assertThat(phone.locator("[data-variant-choice]")).isHidden();
        String sku = phone.locator("[data-variant-sku]").textContent();
        String price = phone.locator("[data-variant-price]").textContent();
        // Another size than the one shown.
        String current = (String) size.evaluate("s => s.value");
        String other = (String) size.evaluate("(s, current) => [...s.options].map(o => o.value).find(v => v !== current)",
                current);
        size.selectOption(other);

        assertThat(phone.locator("[data-variant-sku]")).not().hasText(sku);
        assertThat(phone.locator("[data-variant-price]")).not().hasText(price);
        assertThat(phone.locator("[data-buy-box] [data-availability]"))
                .hasText(Pattern.compile("En stock|Plus que \\d+|Rupture de stock"));
        String chosen = phone.locator("[data-variant-sku]").textContent();
        assertThat(phone.locator("[data-variant-select]")).hasValue(Pattern.compile("[0-9a-f-]{36}"));
        org.assertj.core.api.Assertions.assertThat((String) phone.locator("[data-variant-select]")
                .evaluate("s => s.options[s.selectedIndex].dataset.sku")).isEqualTo(chosen);
        org.assertj.core.api.Assertions.assertThat(phone.url()).contains("variant=");
        // The schema.org data block is there for search engines (a data block: the CSP lets it be, nothing runs).
        org.assertj.core.api.Assertions.assertThat((String) phone.evaluate(
                "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type']"))
                .isEqualTo("Product");
        assertNoSidewaysScrolling(phone);
        browsers.screenshot("shop-product-phone");
    }

    private static void assertNoSidewaysScrolling(Page page) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")).isTrue();
    }
}
