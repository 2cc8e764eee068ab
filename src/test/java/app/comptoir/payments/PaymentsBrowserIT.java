package app.comptoir.payments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.PageChecks;

/**
 * In Debian's chromium, on a phone (390 × 844, French): a manager takes a cash payment on an order's payment page and
 * finds it in the day's cash drawer; a customer pays the rest on the fake Stripe's hosted page and comes back to a
 * PAID order; the test-mode banner is there all along; the pages fit and pass axe-core.
 */
@IntegrationTest
class PaymentsBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TenantContext tenants;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aCashPaymentAtTheCounterThenTheRestPaidOnlineMakeTheOrderPaid() {
        Account admin = PaymentsTesting.business(port, "Navigateur", "EUR", "Europe/Paris");
        Account manager = Api.newUser(port, admin, "MANAGER");
        FakeStripe.Account stripe = PaymentsTesting.connectStripe(port, admin, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "48.30", "EUR");

        page.navigate("/login");
        page.locator("#email").fill(manager.email());
        page.locator("#password").fill(manager.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app(/.*)?$"));

        String subjectPage = "/app/payments/orders/" + order;
        page.navigate(subjectPage);
        assertThat(page.locator("[data-payments-test-mode]")).isVisible();
        assertThat(page.locator("[data-payment-state]")).hasText("Non payé");
        assertThat(page.locator("[data-to-collect]")).containsText("48,30");
        assertThat(PageChecks.fit(page, subjectPage)).isEmpty();
        assertThat(PageChecks.accessibility(page, subjectPage)).isEmpty();
        page.locator("label[for=method-CASH]").click();
        page.locator("#amount").fill("20");
        page.locator("#reference").fill("Caisse 1");
        page.locator("[data-record-payment]").click();

        assertThat(page.locator("[data-flash]")).containsText("Paiement enregistré");
        assertThat(page.locator("[data-payment-state]")).hasText("Payé en partie");
        assertThat(page.locator("[data-to-collect]")).containsText("28,30");
        browsers.screenshot("payments-order-partly-paid");

        page.navigate("/app/payments");
        assertThat(page.locator("[data-cash-total]")).containsText("20,00");
        assertThat(page.locator("[data-payment]")).hasCount(1);
        assertThat(PageChecks.fit(page, "/app/payments")).isEmpty();
        assertThat(PageChecks.accessibility(page, "/app/payments")).isEmpty();
        browsers.screenshot("payments-cash-drawer");

        // The rest online: a payment link (as the shop would send), paid on Stripe's page, back to the order.
        String back = "http://localhost:" + port + subjectPage;
        JsonPath checkout = Api.as(port, manager).body(Map.of("amount", "28.30", "description", "Commande 42",
                        "successUrl", back, "cancelUrl", back))
                .post("/api/v1/payments/orders/" + order + "/checkout").then().statusCode(201).extract().jsonPath();
        page.navigate(checkout.getString("redirectUrl"));
        assertThat(page.locator("[data-stripe-test-mode]")).isVisible();
        assertThat(page.locator("[data-checkout-amount]")).hasText("28.30 EUR");
        page.locator("[data-pay]").click();

        page.waitForURL("**" + subjectPage);
        assertThat(page.locator("[data-payment-state]")).hasText("Payé");
        assertThat(page.locator("[data-payment][data-method='CARD_ONLINE'] [data-payment-status]")).hasText("Reçu");
        assertThat(page.locator("[data-to-collect]")).containsText("0,00");
        assertThat(stripe.test()).isTrue();
        browsers.screenshot("payments-order-paid");
    }
}
