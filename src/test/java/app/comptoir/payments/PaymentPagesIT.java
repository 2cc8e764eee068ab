package app.comptoir.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The payments pages over real HTTP: a subject's page where a manager takes a payment on site (amounts typed the
 * French way) and refunds, errors shown next to the field, the way back to the page that sent them there (never
 * outside the back office), the day's cash drawer with its payments, and the roles that may act.
 */
@IntegrationTest
class PaymentPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TenantContext tenants;

    @Test
    void aManagerTakesACashPaymentOnTheOrdersPageAndSeesItInTheDaysCashDrawer() {
        Account admin = PaymentsTesting.business(port, "Caisse page", "EUR", "Europe/Paris");
        Account manager = Api.newUser(port, admin, "MANAGER");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "30.00", "EUR");
        WebSession web = new WebSession(port);
        web.signIn(manager.email(), manager.password());
        String back = "/app/sales/orders/" + order;

        WebSession.Page page = web.get("/app/payments/orders/" + order + "?back=" + back);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-payment-state=\"UNPAID\"", "id=\"record-form\"", "href=\"" + back + "\"")
                .doesNotContain("id=\"refund-form\"");

        WebSession.Page refused = web.post("/app/payments/orders/" + order + "/on-site",
                Map.of("method", "CASH", "amount", "12,345", "back", back));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"amount-error\"", "value=\"12,345\"");

        WebSession.Page recorded = web.post("/app/payments/orders/" + order + "/on-site",
                Map.of("method", "CASH", "amount", "12,50", "reference", "Caisse 1", "back", back, "key", "form-1"));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.location()).hasValueSatisfying(l -> assertThat(l).contains("/app/payments/orders/" + order,
                "back="));
        // A double click sends the same form (same key) again: one payment.
        web.post("/app/payments/orders/" + order + "/on-site",
                Map.of("method", "CASH", "amount", "12,50", "reference", "Caisse 1", "back", back, "key", "form-1"));
        WebSession.Page after = web.get("/app/payments/orders/" + order + "?back=" + back);
        assertThat(after.body()).contains("data-payment-state=\"PARTLY_PAID\"", "Caisse 1", "id=\"refund-form\"");
        assertThat(after.body().split("data-method=\"CASH\"", -1)).hasSize(2);

        WebSession.Page day = web.get("/app/payments");
        assertThat(day.status()).isEqualTo(200);
        assertThat(day.body()).contains("data-cash-drawer", "data-cash-total", "12,50", "data-method=\"CASH\"");

        WebSession.Page refund = web.post("/app/payments/orders/" + order + "/refund",
                Map.of("amount", "2,50", "reason", "Erreur de rendu", "back", back, "key", "refund-1"));
        assertThat(refund.status()).isEqualTo(302);
        Api.as(port, admin).get("/api/v1/payments/cash-drawer").then().statusCode(200)
                .body("cashNet", org.hamcrest.Matchers.equalTo(10.0f));
        WebSession.Page tooMuch = web.post("/app/payments/orders/" + order + "/refund",
                Map.of("amount", "50", "back", back));
        assertThat(tooMuch.status()).isEqualTo(200);
        assertThat(tooMuch.body()).contains("id=\"refund-amount-error\"");
    }

    @Test
    void theWayBackStaysInTheBackOfficeAndViewersOnlyRead() {
        Account admin = PaymentsTesting.business(port, "Retour page", "XOF", "Africa/Dakar");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        UUID booking = UUID.randomUUID();
        tenants.runAs(admin.tenantId(), () -> payments.expect(PaymentSubject.booking(booking),
                new java.math.BigDecimal("25000"), "XOF"));
        WebSession web = new WebSession(port);
        web.signIn(viewer.email(), viewer.password());

        WebSession.Page page = web.get("/app/payments/bookings/" + booking + "?back=https://evil.example.test/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("25").doesNotContain("evil.example.test", "id=\"record-form\"");
        assertThat(web.post("/app/payments/bookings/" + booking + "/on-site", Map.of("method", "CASH", "amount", "100"))
                .status()).isEqualTo(403);
        assertThat(web.get("/app/payments/elsewhere/" + booking).status()).isEqualTo(404);
        assertThat(web.get("/app/payments?day=pas-une-date").body()).contains("id=\"day-error\"");
    }
}
