package app.comptoir.purchasing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.purchasing.domain.CostMethod;

/** Every SQL text of a business's purchasing settings ({@code purchasing_settings}; no row means the defaults). */
@Repository
public class PurchasingSettingsStore {

    /** The stored settings. */
    public record Row(CostMethod costMethod, int reminderDays) {
    }

    private final JdbcTemplate jdbc;

    PurchasingSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(UUID tenant) {
        return jdbc.query("select cost_method, reminder_days from purchasing_settings where tenant_id = ?",
                (rs, i) -> new Row(CostMethod.valueOf(rs.getString(1)), rs.getInt(2)), tenant).stream().findFirst();
    }

    public void save(UUID tenant, Row row, Instant at, UUID by) {
        jdbc.update("""
                insert into purchasing_settings (tenant_id, cost_method, reminder_days, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set cost_method = excluded.cost_method,
                  reminder_days = excluded.reminder_days, updated_at = excluded.updated_at,
                  updated_by = excluded.updated_by, version = purchasing_settings.version + 1""",
                tenant, row.costMethod().name(), row.reminderDays(), Timestamp.from(at), by, Timestamp.from(at), by);
    }
}
