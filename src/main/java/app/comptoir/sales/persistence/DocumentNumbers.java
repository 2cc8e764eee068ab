package app.comptoir.sales.persistence;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.sales.application.Orders;

/**
 * Gives quote and order numbers per tenant, kind and year ({@code CMD-2026-000001}, {@code DEV-2026-000001}):
 * unique and increasing, restarting at 1 every year, from one PostgreSQL sequence per tenant, kind and year.
 *
 * <p>A sequence never blocks: concurrent creations of one business do not queue behind each other's
 * transaction as they did on a locked counter row. The price is a <b>gap</b> when a creation fails after
 * taking its number (its transaction rolls back, the number is not given again) and, after a crash of the
 * database, up to 32 numbers skipped. Orders and quotes are not invoices, so gaps are acceptable for them
 * (invoice numbers, which French law wants gap-free, must not use this).
 *
 * <p>The number is taken inside the statement that inserts the document ({@link #expression}), so it costs
 * no round trip. A sequence is created on its first use, in the caller's transaction, under an advisory lock
 * held until that transaction ends (concurrent first uses wait for it and then find the sequence); it starts
 * after the counter that {@code sales_sequences} kept for the same tenant, kind and year before sequences
 * were used, if any. Each node remembers the sequences it saw committed, so later uses cost nothing.
 */
@Component
public class DocumentNumbers {

    /**
     * The SQL expression of a number, to bind with {@link #prefix} then {@link #sequence}: the prefix and at
     * least 6 digits.
     */
    public static final String EXPRESSION = """
            (select ?::text || lpad(n::text, greatest(6, length(n::text)), '0') from nextval(?::regclass) n)""";

    private final JdbcTemplate jdbc;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    DocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code CMD-2026-}: the number's text before its digits. */
    public static String prefix(String kind, int year) {
        return kind + "-" + year + "-";
    }

    /**
     * The name of the tenant's sequence for the kind and year, created first if it does not exist yet. Call
     * it in the transaction that will use the sequence (see {@link #EXPRESSION}).
     */
    public String sequence(UUID tenant, String kind, int year) {
        String name = "sales_number_" + tenant.toString().replace("-", "") + "_" + kind.toLowerCase(Locale.ROOT)
                + "_" + year;
        if (!known.contains(name)) {
            create(name, tenant, kind, year);
        }
        return name;
    }

    private void create(String name, UUID tenant, String kind, int year) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { }, name);
        Long last = jdbc.query("select last_value from sales_sequences where tenant_id = ? and kind = ? and year = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, tenant, kind, year);
        // The name is made of a UUID's hex digits, a three-letter kind and a year: nothing to quote.
        jdbc.execute("create sequence if not exists " + name + " as bigint start with " + (last + 1));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    known.add(name);
                }
            });
        }
    }
}
