package app.comptoir.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * A customer on their phone (390 × 844, French) fills a cart without an account, signs in (the session cookie of a
 * fixture shopper: the login page is another part of the shop), finds the cart merged with what they had put in it
 * before, orders with their saved address, paying on delivery, and sees the confirmation; the shop's staff find the
 * order in the back office marked "Boutique en ligne".
 */
@IntegrationTest
class CheckoutBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    @Autowired
    ShopBusinesses shops;

    @Autowired
    ShopperSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TenantContext tenants;

    @Test
    void anAnonymousCartIsMergedAtSignInAndBecomesAnOrderTheBackOfficeSees() {
        ShopFixture shop = ShopFixture.open(port, new ShopFixture.Beans(shops, sessions, jdbc, tx, tenants),
                "Jardin mobile");
        String pot = shop.product("Pot Toscane", "POT-B1", 5000, 5);
        String soil = shop.product("Terreau universel", "SOIL-B1", 3000, 8);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        // what Awa put in her cart on another device, signed in
        shop.browser().signedIn(awa).post("/shop/" + shop.slug + "/cart/lines", Map.of("variantId", soil, "quantity", "1"));
        String cart = "/shop/" + shop.slug + "/cart";

        Page phone = browsers.page();
        phone.navigate(cart);
        assertThat(phone.locator("[data-cart-empty]")).isVisible();
        // the product page's form (another part of the shop) posts variantId and quantity
        phone.evaluate("([url, variant]) => fetch(url, {method: 'POST', body: new URLSearchParams({variantId: variant, "
                + "quantity: '2'})})", List.of(cart + "/lines", pot));
        phone.navigate(cart);
        assertThat(phone.locator("[data-cart-line]")).hasCount(1);
        assertThat(phone.locator("[data-cart-line] [data-line-name]")).hasText("Pot Toscane");
        assertThat(phone.locator("[data-total]")).containsText("10");
        browsers.screenshot("shop-cart-anonymous-phone");

        // signing in: the shop's session cookie, as the login page sets it
        phone.context().addCookies(List.of(new Cookie("comptoir_shopper", shop.cookie(awa)).setDomain("localhost")
                .setPath("/shop/" + shop.slug).setHttpOnly(true)));
        phone.navigate(cart);
        assertThat(phone.locator("[data-cart-line]")).hasCount(2);
        assertThat(phone.locator("[data-cart-line][data-variant='" + soil + "']")).containsText("Terreau universel");
        browsers.screenshot("shop-cart-merged-phone");
        phone.locator("[data-go-checkout]").click();

        phone.waitForURL(Pattern.compile(".*/checkout$"));
        assertThat(phone.locator("[data-saved-address]")).isChecked();
        assertThat(phone.locator("[data-pay-on-delivery]")).isChecked();
        browsers.screenshot("shop-checkout-phone");
        phone.locator("[data-place-order]").click();

        phone.waitForURL(Pattern.compile(".*/orders/.*placed$"));
        assertThat(phone.locator("[data-confirmation]")).containsText("Merci, votre commande est confirmée");
        assertThat(phone.locator("[data-on-delivery]")).isVisible();
        String number = phone.locator("[data-confirmation]").getAttribute("data-order-number");
        browsers.screenshot("shop-confirmation-phone");

        // the office
        Page office = browsers.anotherPage();
        office.navigate("/login");
        office.locator("#email").fill(shop.admin.email());
        office.locator("#password").fill(shop.admin.password());
        office.locator("#login-form button[type=submit]").click();
        office.waitForURL(Pattern.compile(".*/app(/.*)?$"));
        office.navigate("/app/sales/orders");
        assertThat(office.locator("[data-order='" + number + "'] [data-online-order]")).hasText("Boutique en ligne");
        office.locator("[data-order='" + number + "'] a").first().click();
        assertThat(office.locator("[data-online-order]")).isVisible();
        assertThat(office.locator("[data-order-number]")).hasText(number);
    }

    @Test
    void twoCustomersRacingForTheLastUnitOneGetsItTheOtherIsToldWhyAndNothingIsOrdered() {
        ShopFixture shop = ShopFixture.open(port, new ShopFixture.Beans(shops, sessions, jdbc, tx, tenants),
                "Jardin du dernier pot");
        String pot = shop.product("Pot Toscane XL", "POT-XL", 9000, 1);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        ShopFixture.Shopper binta = shop.shopper("Binta Sow", true);
        Page first = browsers.page();
        Page second = browsers.anotherPage();
        for (Page phone : List.of(first, second)) {
            phone.context().addCookies(List.of(new Cookie("comptoir_shopper", shop.cookie(phone == first ? awa : binta))
                    .setDomain("localhost").setPath("/shop/" + shop.slug).setHttpOnly(true)));
            phone.navigate("/shop/" + shop.slug + "/cart");
            phone.evaluate("([url, variant]) => fetch(url, {method: 'POST', body: new URLSearchParams({variantId: "
                    + "variant, quantity: '1'})})", List.of("/shop/" + shop.slug + "/cart/lines", pot));
            phone.navigate("/shop/" + shop.slug + "/checkout");
            assertThat(phone.locator("[data-place-order]")).isVisible();
        }

        // Both had the last pot in their cart and the checkout open; Awa orders first.
        first.locator("[data-place-order]").click();
        first.waitForURL(Pattern.compile(".*/orders/.*placed$"));
        assertThat(first.locator("[data-confirmation]")).containsText("Merci, votre commande est confirmée");

        second.locator("[data-place-order]").click();
        assertThat(second.locator("[data-shortages]")).isVisible();
        assertThat(second.locator("[data-shortages]")).containsText("rien n'a été commandé");
        assertThat(second.locator("[data-shortage]")).hasCount(1);
        assertThat(second.locator("[data-shortage]")).containsText("Pot Toscane XL");
        browsers.screenshot("shop-checkout-shortage-phone");
        // Nothing half-done: one order for the pot, nothing left to sell, and Binta's cart kept.
        Integer orders = tenants.callAs(shop.shop.tenantId(), () -> tx.execute(s -> jdbc.queryForObject(
                "select count(*) from sales_orders where source = 'ONLINE_SHOP'", Integer.class)));
        org.assertj.core.api.Assertions.assertThat(orders).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(shop.available(pot)).isZero();
        second.locator("[data-shortages] a").click();
        assertThat(second.locator("[data-cart-line]")).hasCount(1);
        assertThat(second.locator("[data-cart-line] [data-line-problem]")).containsText("rupture");
    }
}
