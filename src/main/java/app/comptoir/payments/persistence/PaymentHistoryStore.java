package app.comptoir.payments.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.payments.PaymentImports;
import app.comptoir.platform.Ids;

/**
 * The SQL of imported history: dues, payments and their refunds written a few thousand rows per statement (each
 * column passed as one array and unnested), so a year of a shop's payments takes a second or two. An online payment
 * is Stripe's (the only online provider so far), its reference being the provider's payment id, and was recorded by
 * the system (the provider's notification), not by the importing user.
 */
@Repository
public class PaymentHistoryStore {

    private static final int CHUNK = 4000;

    private final JdbcTemplate jdbc;

    PaymentHistoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the dues (a subject already expected keeps its due), payments and refunds of the tenant. */
    public void insert(UUID tenant, String currency, List<PaymentImports.Due> dues, List<PaymentImports.Paid> payments,
                       UUID by) {
        List<Object[]> dueRows = new ArrayList<>(dues.size());
        for (PaymentImports.Due d : dues) {
            Timestamp at = Timestamp.from(d.at());
            dueRows.add(new Object[] {tenant, d.subject().type().name(), d.subject().id(), currency, d.amount(), at, by,
                    at, by});
        }
        List<Object[]> paymentRows = new ArrayList<>(payments.size());
        List<Object[]> refundRows = new ArrayList<>();
        for (PaymentImports.Paid p : payments) {
            UUID id = Ids.at(p.paidAt().toEpochMilli());
            Timestamp paidAt = Timestamp.from(p.paidAt());
            boolean online = p.method().online();
            paymentRows.add(new Object[] {id, tenant, p.subject().type().name(), p.subject().id(), p.method().name(),
                    online ? "stripe" : "on-site", "SUCCEEDED", p.amount(), currency, online ? null : p.reference(),
                    online ? p.reference() : null, paidAt, paidAt, online ? null : by, paidAt, online ? null : by});
            if (p.refunded() != null && p.refunded().signum() > 0) {
                Instant at = p.refundedAt();
                UUID refund = Ids.at(at.toEpochMilli());
                refundRows.add(new Object[] {refund, tenant, id, refund, p.refunded(), currency, "SUCCEEDED",
                        p.refundReason(), Timestamp.from(at), Timestamp.from(at), online ? null : by, Timestamp.from(at),
                        online ? null : by});
            }
        }
        insert("""
                insert into payment_dues (tenant_id, subject_type, subject_id, currency, amount_due, created_at,
                  created_by, updated_at, updated_by)
                select * from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::numeric[], ?::timestamptz[],
                  ?::uuid[], ?::timestamptz[], ?::uuid[])
                on conflict (tenant_id, subject_type, subject_id) do nothing""",
                new String[] {"uuid", "varchar", "uuid", "varchar", "numeric", "timestamptz", "uuid", "timestamptz",
                        "uuid"}, dueRows);
        insert("""
                insert into payments (id, tenant_id, subject_type, subject_id, method, provider, status, amount,
                  currency, reference, provider_payment_id, paid_at, created_at, created_by, updated_at, updated_by)
                select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[],
                  ?::varchar[], ?::numeric[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[],
                  ?::timestamptz[], ?::uuid[], ?::timestamptz[], ?::uuid[])""",
                new String[] {"uuid", "uuid", "varchar", "uuid", "varchar", "varchar", "varchar", "numeric", "varchar",
                        "varchar", "varchar", "timestamptz", "timestamptz", "uuid", "timestamptz", "uuid"}, paymentRows);
        insert("""
                insert into payment_refunds (id, tenant_id, payment_id, request_id, amount, currency, status, reason,
                  refunded_at, created_at, created_by, updated_at, updated_by)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::numeric[], ?::varchar[],
                  ?::varchar[], ?::varchar[], ?::timestamptz[], ?::timestamptz[], ?::uuid[], ?::timestamptz[],
                  ?::uuid[])""",
                new String[] {"uuid", "uuid", "uuid", "uuid", "numeric", "varchar", "varchar", "varchar", "timestamptz",
                        "timestamptz", "uuid", "timestamptz", "uuid"}, refundRows);
        // The planner's statistics after a bulk load: planned on the empty tables' figures, the outstanding dues of the
        // garden shop's 50 000 orders chose nested loops over dues × payments and ran for minutes (before autovacuum
        // analysed the tables), seen as a hanging OrderPaymentsIT.
        jdbc.execute("analyze payment_dues, payments, payment_refunds");
    }

    private void insert(String sql, String[] types, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int c = 0; c < types.length; c++) {
                        statement.setArray(c + 1, column(connection, types[c], chunk, c));
                    }
                    return statement.executeUpdate();
                }
            });
        }
    }

    private static Array column(Connection connection, String type, List<Object[]> rows, int c) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = rows.get(r)[c];
        }
        return connection.createArrayOf(type, values);
    }
}
