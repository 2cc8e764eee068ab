package app.comptoir.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.SecretSeal;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * A business's Stripe keys: checked when entered, stored encrypted (the raw column holds neither key, and the
 * audit trail only the hint), never returned by the API or the pages (only "configured, ends with …1234" and the
 * mode), test keys announced by a banner on every back-office page; admins alone change them.
 */
@IntegrationTest
class PaymentKeysIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TenantContext tenants;

    @Autowired
    SecretSeal seal;

    private <T> T as(Account account, java.util.function.Supplier<T> work) {
        return tenants.callAs(account.tenantId(), () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    @Test
    void theKeysAreStoredEncryptedAndNeverReturned() {
        Account admin = Api.newBusiness(port, "Clés chiffrées");
        FakeStripe.Account stripe = FakeStripe.shared().account(true);

        String answer = Api.as(port, admin).body(Map.of("secretKey", stripe.secretKey, "webhookSecret", stripe.webhookSecret))
                .put("/api/v1/payments/settings/stripe").then().statusCode(200)
                .body("configured", equalTo(true)).body("readable", equalTo(true))
                .body("hint", equalTo(stripe.secretKey.substring(stripe.secretKey.length() - 4)))
                .body("testMode", equalTo(true)).extract().asString();
        String listed = Api.as(port, admin).get("/api/v1/payments/settings").then().statusCode(200)
                .body("[0].provider", equalTo("stripe")).body("[0].configured", equalTo(true)).extract().asString();

        assertThat(answer).doesNotContain(stripe.secretKey, stripe.webhookSecret);
        assertThat(listed).doesNotContain(stripe.secretKey, stripe.webhookSecret);
        Map<String, Object> row = as(admin, () -> jdbc.queryForMap(
                "select secrets_encrypted, key_id, key_hint from payment_provider_accounts where tenant_id = ?",
                admin.tenantId()));
        byte[] raw = (byte[]) row.get("secrets_encrypted");
        String rawText = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(rawText).doesNotContain(stripe.secretKey, stripe.webhookSecret, "sk_test_", "whsec_");
        assertThat(raw.length).isGreaterThan(stripe.secretKey.length() + stripe.webhookSecret.length());
        assertThat(row.get("key_id")).isEqualTo(seal.currentKeyId());
        List<String> audit = as(admin, () -> jdbc.queryForList("select coalesce(before_state::text, '') || "
                + "coalesce(after_state::text, '') from audit_log where entity_type = 'payment_provider_account'", String.class));
        assertThat(audit).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(stripe.secretKey,
                stripe.webhookSecret));

        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        WebSession.Page page = web.get("/app/settings/payments");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-configured-hint", "…" + stripe.secretKey.substring(stripe.secretKey.length() - 4),
                "/api/v1/payments/stripe/webhook/" + admin.tenantSlug()).doesNotContain(stripe.secretKey, stripe.webhookSecret);
    }

    @Test
    void testKeysShowABannerOnEveryBackOfficePageAndLiveKeysDoNot() {
        Account admin = Api.newBusiness(port, "Bannière");
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        assertThat(web.get("/app").body()).doesNotContain("data-payments-test-mode");

        PaymentsTesting.connectStripe(port, admin, true);
        assertThat(web.get("/app").body()).contains("data-payments-test-mode");
        assertThat(web.get("/app/payments").body()).contains("data-payments-test-mode");
        assertThat(web.get("/app/settings").body()).contains("data-payments-test-mode");

        FakeStripe.Account live = FakeStripe.shared().account(false);
        Api.as(port, admin).body(Map.of("secretKey", live.secretKey, "webhookSecret", live.webhookSecret))
                .put("/api/v1/payments/settings/stripe").then().statusCode(200).body("testMode", equalTo(false));
        assertThat(web.get("/app").body()).doesNotContain("data-payments-test-mode");
        assertThat(web.get("/app/settings/payments").body()).contains("data-mode=\"live\"");

        Api.as(port, admin).delete("/api/v1/payments/settings/stripe").then().statusCode(204);
        Api.as(port, admin).get("/api/v1/payments/settings").then().body("[0].configured", equalTo(false));
    }

    @Test
    void keysThatAreNotStripesAreRefusedFieldByFieldAndOnlyAdminsChangeThem() {
        Account admin = Api.newBusiness(port, "Clés refusées");
        Account manager = Api.newUser(port, admin, "MANAGER");

        Api.as(port, admin).body(Map.of("secretKey", "pk_test_123456789012345678901", "webhookSecret", "secret"))
                .put("/api/v1/payments/settings/stripe").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("secretKey", "webhookSecret"));
        Api.as(port, admin).body(Map.of()).put("/api/v1/payments/settings/stripe").then()
                .spec(Api.problem(400, "validation")).body("errors.field", hasItems("secretKey", "webhookSecret"));
        Api.as(port, admin).body(Map.of("secretKey", "sk_test_12345678901234567890", "webhookSecret", "whsec_1234567890abcdef"))
                .put("/api/v1/payments/settings/paypal").then().spec(Api.problem(404, "not-found"));
        Api.as(port, manager).body(Map.of("secretKey", "sk_test_12345678901234567890", "webhookSecret", "whsec_1234567890abcdef"))
                .put("/api/v1/payments/settings/stripe").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, manager).get("/api/v1/payments/settings").then().statusCode(200);

        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        web.get("/app/settings/payments");
        WebSession.Page refused = web.post("/app/settings/payments/stripe", Map.of("secretKey", "pk_live_nope",
                "webhookSecret", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"secretKey-error\"", "id=\"webhookSecret-error\"");
        WebSession.Page saved = web.post("/app/settings/payments/stripe", Map.of("secretKey",
                "sk_test_51Page" + "a".repeat(20), "webhookSecret", "whsec_page1234567890"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(web.get("/app/settings/payments").body()).contains("data-mode=\"test\"");
        WebSession managerWeb = new WebSession(port);
        managerWeb.signIn(manager.email(), manager.password());
        assertThat(managerWeb.get("/app/settings/payments").status()).isEqualTo(403);
    }
}
