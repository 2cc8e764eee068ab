package app.comptoir.bookings.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.bookings.domain.Closure;
import app.comptoir.bookings.domain.SetupRules.ClosureDefinition;

/** Every SQL text of closures and holidays ({@code booking_closures}). */
@Repository
public class ClosureStore {

    private final JdbcTemplate jdbc;

    ClosureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The closures that end on or after {@code from}, soonest first. */
    public List<Closure> from(UUID tenant, LocalDate from) {
        return jdbc.query("""
                select id, resource_id, starts_on, ends_on, label from booking_closures
                 where tenant_id = ? and ends_on >= ? order by starts_on, id""",
                (rs, i) -> new Closure(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getString(5)),
                tenant, Date.valueOf(from));
    }

    /** The closures that touch the days from {@code from} to {@code to}. */
    public List<Closure> between(UUID tenant, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select id, resource_id, starts_on, ends_on, label from booking_closures
                 where tenant_id = ? and ends_on >= ? and starts_on <= ? order by starts_on, id""",
                (rs, i) -> new Closure(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getString(5)),
                tenant, Date.valueOf(from), Date.valueOf(to));
    }

    public void insert(UUID tenant, UUID id, UUID resourceId, ClosureDefinition c, Instant at, UUID by) {
        jdbc.update("""
                insert into booking_closures (id, tenant_id, resource_id, starts_on, ends_on, label, created_at,
                  created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, resourceId, Date.valueOf(c.startsOn()), Date.valueOf(c.endsOn()), c.label(),
                Timestamp.from(at), by, Timestamp.from(at), by);
    }

    public boolean delete(UUID tenant, UUID id) {
        return jdbc.update("delete from booking_closures where tenant_id = ? and id = ?", tenant, id) == 1;
    }
}
