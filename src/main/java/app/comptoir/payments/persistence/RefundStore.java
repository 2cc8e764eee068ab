package app.comptoir.payments.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.RefundStatus;
import app.comptoir.platform.Money;

/** Every SQL text of refunds ({@code payment_refunds}); callers hold the subject's due lock when they add one. */
@Repository
public class RefundStore {

    private static final String COLUMNS = """
            r.id, r.payment_id, r.request_id, p.method, p.provider, p.provider_payment_id, r.amount, r.currency,
            r.status, r.reason, r.provider_refund_id, r.request_hash, r.refunded_at""";

    private final JdbcClient jdbc;

    RefundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, RefundRow r, UUID by, Instant at) {
        jdbc.sql("""
                        insert into payment_refunds (id, tenant_id, payment_id, request_id, amount, currency, status,
                          reason, provider_refund_id, request_hash, refunded_at, created_at, created_by, updated_at,
                          updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), tenant, r.paymentId(), r.requestId(), r.amount(), r.currency(), r.status().name(),
                        r.reason(), r.providerRefundId(), r.requestHash(), PaymentStore.ts(r.refundedAt()),
                        PaymentStore.ts(at), by, PaymentStore.ts(at), by)
                .update();
    }

    /** The parts of a refund request, if it was made. */
    public List<RefundRow> ofRequest(UUID tenant, UUID requestId) {
        return jdbc.sql("select " + COLUMNS + " from payment_refunds r join payments p on p.tenant_id = r.tenant_id"
                        + " and p.id = r.payment_id where r.tenant_id = ? and r.request_id = ? order by r.id")
                .params(tenant, requestId).query(RefundStore::row).list();
    }

    /** The refunds of a subject, newest first. */
    public List<RefundRow> ofSubject(UUID tenant, PaymentSubject subject) {
        return jdbc.sql("select " + COLUMNS + " from payment_refunds r join payments p on p.tenant_id = r.tenant_id"
                        + " and p.id = r.payment_id where r.tenant_id = ? and p.subject_type = ? and p.subject_id = ?"
                        + " order by r.refunded_at desc, r.id desc")
                .params(tenant, subject.type().name(), subject.id()).query(RefundStore::row).list();
    }

    public Optional<RefundRow> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment_refunds r join payments p on p.tenant_id = r.tenant_id"
                        + " and p.id = r.payment_id where r.tenant_id = ? and r.id = ?")
                .params(tenant, id).query(RefundStore::row).optional();
    }

    /** The refund, its row locked until the end of the transaction. */
    public Optional<RefundRow> lock(UUID tenant, UUID id) {
        jdbc.sql("select 1 from payment_refunds where tenant_id = ? and id = ? for update").params(tenant, id)
                .query(Integer.class).optional();
        return find(tenant, id);
    }

    /** The refund the provider knows by this id, if any. */
    public Optional<RefundRow> byProviderRefund(UUID tenant, String providerRefundId) {
        return jdbc.sql("select " + COLUMNS + " from payment_refunds r join payments p on p.tenant_id = r.tenant_id"
                        + " and p.id = r.payment_id where r.tenant_id = ? and r.provider_refund_id = ?")
                .params(tenant, providerRefundId).query(RefundStore::row).optional();
    }

    /** Records what the provider answered for a refund: its id there and its status. */
    public void update(UUID tenant, UUID id, String providerRefundId, RefundStatus status, Instant at) {
        jdbc.sql("""
                        update payment_refunds set provider_refund_id = coalesce(?, provider_refund_id), status = ?,
                          updated_at = ?, updated_by = null, version = version + 1 where tenant_id = ? and id = ?""")
                .params(providerRefundId, status.name(), PaymentStore.ts(at), tenant, id).update();
    }

    /** What was refunded of a payment (refunds pending or succeeded). */
    public BigDecimal refundedOf(UUID tenant, UUID paymentId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from payment_refunds where tenant_id = ? and payment_id = ?"
                        + " and status <> 'FAILED'")
                .params(tenant, paymentId).query(BigDecimal.class).single();
    }

    static RefundRow row(ResultSet rs, int i) throws SQLException {
        String currency = rs.getString("currency");
        return new RefundRow(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
                rs.getObject("request_id", UUID.class), PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("provider"), rs.getString("provider_payment_id"),
                Money.round(rs.getBigDecimal("amount"), currency), currency,
                RefundStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("provider_refund_id"), rs.getString("request_hash"),
                PaymentStore.instant(rs, "refunded_at"));
    }
}
