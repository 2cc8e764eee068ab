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

import app.comptoir.payments.FakeStripe;
import app.comptoir.support.Account;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * An order paid online, in the browser (French): a manager makes the payment link of a confirmed order on its page,
 * opens it (the fake Stripe's hosted checkout page, the business's Stripe keys pointing at it), pays, comes back to
 * the business, and the order's page says "Payée": the fake's webhook went through the application's real signature
 * check. Then the rest of the workflow's money: "Encaisser" refuses more than is left, next to the field.
 */
@IntegrationTest
class OrderPaidOnlineBrowserIT {

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
    void aManagerSendsAPaymentLinkTheCustomerPaysOnStripeAndTheOrderIsPaid() {
        SalesApi shop = SalesApi.newShop(port);
        FakeStripe.Account stripe = FakeStripe.shared().account(true);
        shop.call().body(Map.of("secretKey", stripe.secretKey, "webhookSecret", stripe.webhookSecret))
                .put("/api/v1/payments/settings/stripe").then().statusCode(200);
        stripe.sendWebhooksTo("http://localhost:" + port + "/api/v1/payments/stripe/webhook/" + shop.admin.tenantSlug());
        String pot = shop.stocked("Pot Toscane 30 cm", "POT-TOSC-30", "19.90", 20, 10);
        String id = shop.order(pot, 2).getString("id");
        String number = shop.move(id, "CONFIRMED").getString("number");
        Account manager = shop.user("MANAGER");

        signIn(manager);
        page.navigate("/app/sales/orders/" + id);
        Locator card = page.locator("[data-payment-card]");
        // 2 × 19,90 = 39,80 excluding VAT; 47,76 with 20 % VAT, all of it left to collect.
        assertThat(card.locator("[data-payment-state]")).hasText("Non payée");
        assertThat(card.locator("[data-payment-to-collect]")).containsText("47,76");

        card.locator("[data-payment-link-create]").click();
        Locator link = page.locator("[data-payment-link-url]");
        assertThat(link).hasValue(Pattern.compile(".*/pay/cs_test_.*"));
        browsers.screenshot("order-payment-link");
        assertThat(page.locator("[data-payment-card] [data-payment-waiting]")).isVisible();
        String url = link.inputValue();

        // The customer's side: Stripe's hosted page (here the fake, in test mode), then "Payer".
        page.navigate(url);
        assertThat(page.locator("[data-checkout-amount]")).hasText("47.76 EUR");
        assertThat(page.locator("[data-checkout-name]")).containsText(number);
        assertThat(page.locator("[data-stripe-test-mode]")).isVisible();
        page.locator("[data-pay]").click();

        // Back at the business: its staff land on the order, paid by card online.
        page.waitForURL(Pattern.compile(".*/app/sales/orders/" + id + ".*"));
        card = page.locator("[data-payment-card]");
        assertThat(card.locator("[data-payment-state]")).hasText("Payée");
        assertThat(card.locator("[data-payment-to-collect]")).containsText("0,00");
        assertThat(card.locator("[data-payment-method='CARD_ONLINE'][data-payment-status='SUCCEEDED']"))
                .containsText("47,76");
        assertThat(card.locator("[data-payment-link-create]")).hasCount(0);
        browsers.screenshot("order-paid-online");

        page.navigate("/app/sales/orders?status=CONFIRMED");
        assertThat(page.locator("[data-order='" + number + "'] [data-payment-state]")).hasText("Payée");
    }

    @Test
    void collectingMoreThanIsLeftIsRefusedNextToTheAmount() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Terreau universel 40 L", "TER-40", "8.50", 20, 10);
        String id = shop.order(pot, 2).getString("id");
        shop.move(id, "CONFIRMED");
        signIn(shop.admin);
        page.navigate("/app/sales/orders/" + id);
        Locator card = page.locator("[data-payment-card]");
        card.locator("[data-collect] summary").click();
        // 2 × 8,50 = 17,00 excluding VAT, 20,40 with VAT: prefilled with what is left.
        assertThat(card.locator("[data-collect-amount]")).hasValue("20,40");
        card.locator("[data-collect-amount]").fill("25");
        card.locator("[data-collect-submit]").click();
        card = page.locator("[data-payment-card]");
        assertThat(card.locator("[data-collect-amount-error]")).containsText("20,40");
        assertThat(card.locator("[data-collect-amount]")).hasValue("25");

        card.locator("[data-collect-method]").selectOption("CHEQUE");
        card.locator("[data-collect-amount]").fill("10,40");
        card.locator("#collect-reference").fill("Chèque n° 1234567");
        card.locator("[data-collect-submit]").click();
        card = page.locator("[data-payment-card]");
        assertThat(card.locator("[data-payment-state]")).hasText("Partiellement payée");
        assertThat(card.locator("[data-payment-to-collect]")).containsText("10,00");
        assertThat(card.locator("[data-payment-method='CHEQUE']")).containsText("Chèque n° 1234567");
    }

    private void signIn(Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app(/.*)?$"));
    }
}
