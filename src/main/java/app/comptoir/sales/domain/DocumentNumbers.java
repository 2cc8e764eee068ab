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

    public static String format(String kind, int year, long value) {
        return kind + "-" + year + "-" + String.format("%06d", value);
    }
}
