package app.comptoir.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * PostgreSQL keeps each business's dues, payments, refunds, received webhooks and provider keys to itself: every
 * payments table forces row-level security, SQL without a tenant filter sees only the current business's rows, and a
 * row written for another business is refused.
 */
@IntegrationTest
class PaymentsRowLevelSecurityIT {

    private static final List<String> TABLES = List.of("payment_dues", "payments", "payment_refunds",
            "payment_webhook_events", "payment_provider_accounts");

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TenantContext tenants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private <T> T as(UUID tenant, Supplier<T> work) {
        return tenants.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    @Test
    void everyPaymentsTableIsSeenOnlyByItsBusiness() {
        Account a = PaymentsTesting.business(port, "RLS paiements A", "EUR", "Europe/Paris");
        Account b = Api.newBusiness(port, "RLS paiements B");
        FakeStripe.Account stripe = PaymentsTesting.connectStripe(port, a, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, a, "20.00", "EUR");
        Api.as(port, a).body(Map.of("method", "CASH", "amount", "5")).post("/api/v1/payments/orders/" + order + "/on-site")
                .then().statusCode(201);
        Api.as(port, a).body(Map.of("amount", "2")).post("/api/v1/payments/orders/" + order + "/refunds").then().statusCode(201);
        String session = PaymentsTesting.sessionOf(PaymentsTesting.checkout(port, a, order, "15.00", null)
                .getString("redirectUrl"));
        stripe.pay(session);

        List<String> forced = jdbc.queryForList("select relname from pg_class where relname in ('payment_dues', 'payments',"
                + " 'payment_refunds', 'payment_webhook_events', 'payment_provider_accounts') and relrowsecurity"
                + " and relforcerowsecurity", String.class);
        assertThat(forced).containsExactlyInAnyOrderElementsOf(TABLES);
        for (String table : TABLES) {
            Long mine = as(a.tenantId(), () -> jdbc.queryForObject("select count(*) from " + table, Long.class));
            Long theirs = as(b.tenantId(), () -> jdbc.queryForObject("select count(*) from " + table
                    + " where tenant_id = ?", Long.class, a.tenantId()));
            Long none = new TransactionTemplate(transactions).execute(s -> jdbc.queryForObject(
                    "select count(*) from " + table, Long.class));
            assertThat(mine).as(table + " seen by its business").isPositive();
            assertThat(theirs).as(table + " seen by another business").isZero();
            assertThat(none).as(table + " seen without a business").isZero();
        }
    }

    @Test
    void aPaymentWrittenForAnotherBusinessIsRefused() {
        Account a = Api.newBusiness(port, "RLS écriture A");
        Account b = Api.newBusiness(port, "RLS écriture B");

        assertThatThrownBy(() -> as(a.tenantId(), () -> jdbc.update("""
                insert into payments (id, tenant_id, subject_type, subject_id, method, provider, status, amount, currency,
                  paid_at, created_at, updated_at) values (?, ?, 'ORDER', ?, 'CASH', 'on-site', 'SUCCEEDED', 10, 'EUR',
                  now(), now(), now())""", UUID.randomUUID(), b.tenantId(), UUID.randomUUID())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> as(a.tenantId(), () -> jdbc.update("""
                insert into payment_provider_accounts (tenant_id, provider, secrets_encrypted, key_id, key_hint, test_mode,
                  created_at, updated_at) values (?, 'stripe', '\\x00', 'k', '1234', true, now(), now())""", b.tenantId())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }
}
