package app.comptoir.reporting.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SQL of the first-run guide: whether a business dismissed it (table {@code home_guide_dismissals}). */
@Component
public class GuideDismissals {

    private final JdbcTemplate jdbc;

    GuideDismissals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the business dismissed its first-run guide. */
    public boolean dismissed(UUID tenant) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from home_guide_dismissals where tenant_id = ?)", Boolean.class, tenant));
    }

    /** Records that the guide was dismissed (the first dismissal is kept: dismissing twice changes nothing). */
    public void dismiss(UUID tenant, UUID by, Instant at) {
        jdbc.update("""
                insert into home_guide_dismissals (tenant_id, dismissed_at, dismissed_by) values (?, ?, ?)
                on conflict (tenant_id) do nothing""", tenant, Timestamp.from(at), by);
    }
}
