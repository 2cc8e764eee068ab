package app.comptoir.sales.domain;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives quote and order numbers per tenant, kind and year without gaps ({@code CMD-2026-000001},
 * {@code DEV-2026-000001}). The counter row stays locked until the calling transaction ends, so callers take
 * a number as late as they can.
 */
@Component
public class DocumentNumbers {

    private final JdbcTemplate jdbc;

    DocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next(UUID tenant, String kind, int year) {
        Long value = jdbc.queryForObject("""
                insert into sales_sequences (tenant_id, kind, year, last_value) values (?, ?, ?, 1)
                on conflict (tenant_id, kind, year) do update set last_value = sales_sequences.last_value + 1
                returning last_value""", Long.class, tenant, kind, year);
        return format(kind, year, value);
    }

    /**
     * Gives the next number to a row inserted under a provisional number ({@link #provisional}), in one
     * statement meant to be the last of its transaction: the counter stays locked only until the commit that
     * follows, so concurrent creations queue for a moment rather than for their whole transaction.
     */
    public String assign(String table, UUID tenant, UUID id, String kind, int year) {
        return jdbc.queryForObject("""
                with n as (
                  insert into sales_sequences (tenant_id, kind, year, last_value) values (?, ?, ?, 1)
                  on conflict (tenant_id, kind, year) do update set last_value = sales_sequences.last_value + 1
                  returning last_value)
                update %s t set number = ?::text || lpad(n.last_value::text, greatest(6, length(n.last_value::text)), '0')
                  from n where t.tenant_id = ? and t.id = ? returning t.number""".formatted(table), String.class,
                tenant, kind, year, kind + "-" + year + "-", tenant, id);
    }

    /** A unique placeholder (20 characters) for a row whose number is assigned at the end of its transaction. */
    public static String provisional(UUID id) {
        return "~" + id.toString().replace("-", "").substring(13);
    }

    public static String format(String kind, int year, long value) {
        return kind + "-" + year + "-" + String.format("%06d", value);
    }
}
