package app.comptoir.payments.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.SubjectType;
import app.comptoir.platform.Money;
import app.comptoir.platform.PageResponse;

/**
 * Every SQL text of dues and payments ({@code payment_dues}, {@code payments}). Every statement names the tenant,
 * and row-level security enforces it again.
 *
 * <p>Concurrency: whatever changes what a subject has paid or had refunded first locks the subject's due row
 * ({@link #lockDue}), so two cashiers recording the last amount due, or a refund racing a payment, are taken one
 * after the other and each sees what the other did. A payment's own status changes lock its row
 * ({@link #lock}) so that a webhook delivered twice at once applies once.
 */
@Repository
public class PaymentStore {

    /** A subject's due. */
    public record Due(PaymentSubject subject, String currency, BigDecimal amount) {
    }

    /** What a list of payments may be narrowed to (null: any). */
    public record Filter(Instant from, Instant to, PaymentMethod method, PaymentStatus status, SubjectType type) {
    }

    /** One subject's figures: due, paid (succeeded), refunded (pending or succeeded), in the due's currency. */
    public record Totals(UUID subjectId, String currency, BigDecimal due, BigDecimal paid, BigDecimal refunded) {
    }

    /** What was received and given back with one method over a period. */
    public record MethodTotals(PaymentMethod method, long payments, BigDecimal received, long refunds,
                               BigDecimal refunded) {
    }

    private static final String COLUMNS = """
            p.id, p.subject_type, p.subject_id, p.method, p.provider, p.status, p.amount, p.currency, p.reference,
            p.note, p.provider_session_id, p.provider_payment_id, p.checkout_url, p.description, p.customer_email,
            p.success_url, p.cancel_url, p.expires_at, p.paid_at, p.failure_reason, p.test_mode, p.idempotency_key,
            p.request_hash, p.created_at, p.created_by,
            coalesce((select sum(r.amount) from payment_refunds r where r.tenant_id = p.tenant_id
                      and r.payment_id = p.id and r.status <> 'FAILED'), 0) as refunded""";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- dues

    /** Records what is due on a subject (insert or replace). */
    public void saveDue(UUID tenant, PaymentSubject subject, BigDecimal amount, String currency, Instant at, UUID by) {
        jdbc.sql("""
                        insert into payment_dues (tenant_id, subject_type, subject_id, currency, amount_due, created_at,
                          created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, subject_type, subject_id) do update set currency = excluded.currency,
                          amount_due = excluded.amount_due, updated_at = excluded.updated_at,
                          updated_by = excluded.updated_by, version = payment_dues.version + 1""")
                .params(tenant, subject.type().name(), subject.id(), currency, amount, Timestamp.from(at), by,
                        Timestamp.from(at), by)
                .update();
    }

    /** The subject's due, locked until the end of the transaction; empty when the subject was never expected. */
    public Optional<Due> lockDue(UUID tenant, PaymentSubject subject) {
        return jdbc.sql("select currency, amount_due from payment_dues where tenant_id = ? and subject_type = ?"
                        + " and subject_id = ? for update")
                .params(tenant, subject.type().name(), subject.id())
                .query((rs, i) -> new Due(subject, rs.getString(1), rs.getBigDecimal(2))).optional();
    }

    /** The subject's due, without locking. */
    public Optional<Due> due(UUID tenant, PaymentSubject subject) {
        return jdbc.sql("select currency, amount_due from payment_dues where tenant_id = ? and subject_type = ?"
                        + " and subject_id = ?")
                .params(tenant, subject.type().name(), subject.id())
                .query((rs, i) -> new Due(subject, rs.getString(1), rs.getBigDecimal(2))).optional();
    }

    // ---- payments

    /** Stores a new payment (its refunds start at zero). */
    public void insert(UUID tenant, PaymentRow p, UUID by) {
        jdbc.sql("""
                        insert into payments (id, tenant_id, subject_type, subject_id, method, provider, status, amount,
                          currency, reference, note, provider_session_id, provider_payment_id, checkout_url, description,
                          customer_email, success_url, cancel_url, expires_at, paid_at, failure_reason, test_mode,
                          idempotency_key, request_hash, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), tenant, p.subject().type().name(), p.subject().id(), p.method().name(), p.provider(),
                        p.status().name(), p.amount(), p.currency(), p.reference(), p.note(), p.sessionId(),
                        p.providerPaymentId(), p.checkoutUrl(), p.description(), p.customerEmail(), p.successUrl(),
                        p.cancelUrl(), ts(p.expiresAt()), ts(p.paidAt()), p.failureReason(), p.testMode(),
                        p.idempotencyKey(), p.requestHash(), ts(p.createdAt()), by, ts(p.createdAt()), by)
                .update();
    }

    public Optional<PaymentRow> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payments p where p.tenant_id = ? and p.id = ?")
                .params(tenant, id).query(PaymentStore::row).optional();
    }

    /** The payment, its row locked until the end of the transaction. */
    public Optional<PaymentRow> lock(UUID tenant, UUID id) {
        jdbc.sql("select 1 from payments where tenant_id = ? and id = ? for update").params(tenant, id)
                .query(Integer.class).optional();
        return find(tenant, id);
    }

    /** The payment recorded with this idempotency key, if any. */
    public Optional<PaymentRow> byKey(UUID tenant, String key) {
        return jdbc.sql("select " + COLUMNS + " from payments p where p.tenant_id = ? and p.idempotency_key = ?")
                .params(tenant, key).query(PaymentStore::row).optional();
    }

    /** The payment of a provider's checkout session, if any. */
    public Optional<UUID> bySession(UUID tenant, String provider, String sessionId) {
        return jdbc.sql("select id from payments where tenant_id = ? and provider = ? and provider_session_id = ?")
                .params(tenant, provider, sessionId).query(UUID.class).optional();
    }

    /** The payment of a provider's payment id (Stripe: its PaymentIntent), if any. */
    public Optional<UUID> byProviderPayment(UUID tenant, String provider, String providerPaymentId) {
        return jdbc.sql("select id from payments where tenant_id = ? and provider = ? and provider_payment_id = ?"
                        + " order by created_at desc limit 1")
                .params(tenant, provider, providerPaymentId).query(UUID.class).optional();
    }

    /** Attaches the provider's checkout (session, page, expiry) to a pending payment. */
    public void attachCheckout(UUID tenant, UUID id, String sessionId, String url, Instant expiresAt, Instant at) {
        jdbc.sql("""
                        update payments set provider_session_id = ?, checkout_url = ?, expires_at = ?, updated_at = ?,
                          updated_by = null, version = version + 1 where tenant_id = ? and id = ?""")
                .params(sessionId, url, ts(expiresAt), ts(at), tenant, id).update();
    }

    /** Marks a payment succeeded: the amount received, the provider's payment id when known, when. */
    public void succeed(UUID tenant, UUID id, BigDecimal amount, String providerPaymentId, Instant paidAt, Instant at) {
        jdbc.sql("""
                        update payments set status = 'SUCCEEDED', amount = ?, provider_payment_id =
                          coalesce(?, provider_payment_id), paid_at = ?, failure_reason = null, updated_at = ?,
                          updated_by = null, version = version + 1 where tenant_id = ? and id = ?""")
                .params(amount, providerPaymentId, ts(paidAt), ts(at), tenant, id).update();
    }

    /** Ends a payment that did not happen (FAILED or EXPIRED), with the reason. */
    public void end(UUID tenant, UUID id, PaymentStatus status, String reason, Instant at) {
        jdbc.sql("""
                        update payments set status = ?, failure_reason = ?, paid_at = null, updated_at = ?,
                          updated_by = null, version = version + 1 where tenant_id = ? and id = ?""")
                .params(status.name(), reason, ts(at), tenant, id).update();
    }

    /** Remembers the provider's payment id of a payment (learnt after it succeeded, e.g. to refund it). */
    public void rememberProviderPayment(UUID tenant, UUID id, String providerPaymentId) {
        jdbc.sql("update payments set provider_payment_id = ? where tenant_id = ? and id = ?")
                .params(providerPaymentId, tenant, id).update();
    }

    /** The subject's payments, newest first. */
    public List<PaymentRow> ofSubject(UUID tenant, PaymentSubject subject) {
        return jdbc.sql("select " + COLUMNS + " from payments p where p.tenant_id = ? and p.subject_type = ?"
                        + " and p.subject_id = ? order by p.created_at desc, p.id desc")
                .params(tenant, subject.type().name(), subject.id()).query(PaymentStore::row).list();
    }

    /** The pending payments whose checkout ended before {@code before} (the provider said nothing since). */
    public List<UUID> pendingBefore(UUID tenant, Instant before, int limit) {
        return jdbc.sql("select id from payments where tenant_id = ? and status = 'PENDING' and expires_at < ?"
                        + " order by expires_at limit ?")
                .params(tenant, ts(before), limit).query(UUID.class).list();
    }

    /** The businesses that took a payment online (not tenant data: {@code payment_online_tenants}, V33). */
    public List<UUID> onlineTenants() {
        return jdbc.sql("select tenant_id from payment_online_tenants order by tenant_id").query(UUID.class).list();
    }

    /** The figures of many subjects of one type (every id asked for, known or not), in one statement. */
    public Map<UUID, Totals> totals(UUID tenant, SubjectType type, Collection<UUID> ids, String defaultCurrency) {
        UUID[] array = ids.stream().distinct().toArray(UUID[]::new);
        Map<UUID, Totals> totals = new LinkedHashMap<>();
        jdbc.sql("""
                        with ids as (select unnest(?::uuid[]) as subject_id),
                        paid as (select subject_id, sum(amount) as paid, min(currency) as currency from payments
                                  where tenant_id = ? and subject_type = ? and subject_id = any(?::uuid[])
                                    and status = 'SUCCEEDED' group by subject_id),
                        refunded as (select p.subject_id, sum(r.amount) as refunded from payment_refunds r
                                      join payments p on p.tenant_id = r.tenant_id and p.id = r.payment_id
                                     where r.tenant_id = ? and p.subject_type = ? and p.subject_id = any(?::uuid[])
                                       and r.status <> 'FAILED' group by p.subject_id)
                        select ids.subject_id, coalesce(d.currency, paid.currency) as currency,
                               coalesce(d.amount_due, 0) as due, coalesce(paid.paid, 0) as paid,
                               coalesce(refunded.refunded, 0) as refunded
                          from ids
                          left join payment_dues d on d.tenant_id = ? and d.subject_type = ? and d.subject_id = ids.subject_id
                          left join paid on paid.subject_id = ids.subject_id
                          left join refunded on refunded.subject_id = ids.subject_id""")
                .params(array, tenant, type.name(), array, tenant, type.name(), array, tenant, type.name())
                .query((rs, i) -> new Totals(rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? defaultCurrency : rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list().forEach(t -> totals.put(t.subjectId(), t));
        return totals;
    }

    /** What the subject's due leaves to pay: the due less what was paid and kept, never below zero. */
    public BigDecimal leftToPay(UUID tenant, Due due) {
        Totals t = totals(tenant, due.subject().type(), java.util.List.of(due.subject().id()), due.currency())
                .get(due.subject().id());
        return due.amount().subtract(t.paid().subtract(t.refunded())).max(BigDecimal.ZERO);
    }

    /** A page of payments, newest first (by when they were paid, or made when not paid). */
    public PageResponse<PaymentRow> search(UUID tenant, Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where p.tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        if (filter.from() != null) {
            where.append(" and coalesce(p.paid_at, p.created_at) >= ?");
            params.add(ts(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and coalesce(p.paid_at, p.created_at) < ?");
            params.add(ts(filter.to()));
        }
        if (filter.method() != null) {
            where.append(" and p.method = ?");
            params.add(filter.method().name());
        }
        if (filter.status() != null) {
            where.append(" and p.status = ?");
            params.add(filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" and p.subject_type = ?");
            params.add(filter.type().name());
        }
        long total = jdbc.sql("select count(*) from payments p" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) page * size);
        pageParams.add(size);
        List<PaymentRow> rows = jdbc.sql("select " + COLUMNS + " from payments p" + where
                        + " order by coalesce(p.paid_at, p.created_at) desc, p.id desc offset ? limit ?")
                .params(pageParams).query(PaymentStore::row).list();
        return new PageResponse<>(rows, total, page, size);
    }

    /**
     * What was received (succeeded payments by the instant they were paid) and given back (refunds not failed, by
     * the instant they were asked) with each method in {@code [from, to)}, in one currency.
     */
    public Map<PaymentMethod, MethodTotals> drawer(UUID tenant, Instant from, Instant to, String currency) {
        Map<PaymentMethod, long[]> counts = new LinkedHashMap<>();
        Map<PaymentMethod, BigDecimal[]> sums = new LinkedHashMap<>();
        for (PaymentMethod m : PaymentMethod.values()) {
            counts.put(m, new long[2]);
            sums.put(m, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        jdbc.sql("""
                        select method, count(*), sum(amount) from payments where tenant_id = ? and status = 'SUCCEEDED'
                           and paid_at >= ? and paid_at < ? and currency = ? group by method""")
                .params(tenant, ts(from), ts(to), currency)
                .query((ResultSet rs) -> {
                    PaymentMethod m = PaymentMethod.valueOf(rs.getString(1));
                    counts.get(m)[0] = rs.getLong(2);
                    sums.get(m)[0] = rs.getBigDecimal(3);
                });
        jdbc.sql("""
                        select p.method, count(*), sum(r.amount) from payment_refunds r
                          join payments p on p.tenant_id = r.tenant_id and p.id = r.payment_id
                         where r.tenant_id = ? and r.status <> 'FAILED' and r.refunded_at >= ? and r.refunded_at < ?
                           and r.currency = ? group by p.method""")
                .params(tenant, ts(from), ts(to), currency)
                .query((ResultSet rs) -> {
                    PaymentMethod m = PaymentMethod.valueOf(rs.getString(1));
                    counts.get(m)[1] = rs.getLong(2);
                    sums.get(m)[1] = rs.getBigDecimal(3);
                });
        Map<PaymentMethod, MethodTotals> totals = new LinkedHashMap<>();
        for (PaymentMethod m : PaymentMethod.values()) {
            totals.put(m, new MethodTotals(m, counts.get(m)[0], sums.get(m)[0], counts.get(m)[1], sums.get(m)[1]));
        }
        return totals;
    }

    static PaymentRow row(ResultSet rs, int i) throws SQLException {
        String currency = rs.getString("currency");
        return new PaymentRow(rs.getObject("id", UUID.class),
                new PaymentSubject(SubjectType.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class)),
                PaymentMethod.valueOf(rs.getString("method")), rs.getString("provider"),
                PaymentStatus.valueOf(rs.getString("status")), Money.round(rs.getBigDecimal("amount"), currency), currency,
                rs.getString("reference"), rs.getString("note"), rs.getString("provider_session_id"),
                rs.getString("provider_payment_id"), rs.getString("checkout_url"), rs.getString("description"),
                rs.getString("customer_email"), rs.getString("success_url"), rs.getString("cancel_url"),
                instant(rs, "expires_at"), instant(rs, "paid_at"), rs.getString("failure_reason"),
                rs.getBoolean("test_mode"), rs.getString("idempotency_key"), rs.getString("request_hash"),
                instant(rs, "created_at"), rs.getObject("created_by", UUID.class),
                Money.round(rs.getBigDecimal("refunded"), currency));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
