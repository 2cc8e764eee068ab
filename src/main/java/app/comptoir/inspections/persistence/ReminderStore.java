package app.comptoir.inspections.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.inspections.domain.DueDates;
import app.comptoir.inspections.domain.Outcome;

/** Every SQL text of the owners' reminders: the vehicles with an e-mail and their last completed inspection. */
@Repository
public class ReminderStore {

    /** A vehicle whose owner may be reminded: what its due date is computed from, and the date last reminded for. */
    public record Candidate(UUID vehicleId, String plate, String ownerName, String ownerEmail,
                            LocalDate firstRegisteredOn, DueDates.Last last, LocalDate remindedFor) {
    }

    private final JdbcTemplate jdbc;

    ReminderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The businesses that have vehicles. */
    public List<UUID> tenants() {
        return jdbc.queryForList("select tenant_id from inspection_tenants order by tenant_id", UUID.class);
    }

    /** The centre's reminder period in days (30 without settings). */
    public int reminderDays(UUID tenant) {
        return jdbc.queryForList("select reminder_days_before from inspection_settings where tenant_id = ?",
                Integer.class, tenant).stream().findFirst().orElse(30);
    }

    /** The live vehicles with an owner's e-mail, each with its last completed inspection. */
    public List<Candidate> candidates(UUID tenant) {
        return jdbc.query("""
                select v.id, v.plate, v.owner_name, v.owner_email, v.first_registered_on, v.reminded_for,
                       l.outcome, l.counter_visit_before, l.valid_until
                  from vehicles v
                  left join lateral (
                       select i.outcome, i.counter_visit_before, i.valid_until from inspections i
                        where i.tenant_id = v.tenant_id and i.vehicle_id = v.id and i.status = 'COMPLETED'
                        order by i.completed_at desc limit 1) l on true
                 where v.tenant_id = ? and v.deleted_at is null and v.owner_email is not null""",
                (rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("plate"),
                        rs.getString("owner_name"), rs.getString("owner_email"), date(rs.getDate("first_registered_on")),
                        rs.getString("outcome") == null ? null : new DueDates.Last(Outcome.valueOf(rs.getString("outcome")),
                                date(rs.getDate("counter_visit_before")), date(rs.getDate("valid_until"))),
                        date(rs.getDate("reminded_for"))), tenant);
    }

    /** Notes the due date reminded for; false when it was already (another run, another node). */
    public boolean markReminded(UUID tenant, UUID vehicleId, LocalDate due) {
        return jdbc.update("update vehicles set reminded_for = ? where tenant_id = ? and id = ? "
                + "and reminded_for is distinct from ?", due, tenant, vehicleId, due) == 1;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
