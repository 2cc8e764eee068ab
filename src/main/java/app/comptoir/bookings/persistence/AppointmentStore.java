package app.comptoir.bookings.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.bookings.domain.Appointment;
import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.BookingSource;
import app.comptoir.bookings.domain.Customer;
import app.comptoir.bookings.domain.Occupancy;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.bookings.domain.TimelineEntry;
import app.comptoir.platform.Ids;

/**
 * Every SQL text of appointments: {@code appointments}, their timeline ({@code appointment_history}), the
 * customer's links ({@code appointment_links}, hashes only) and the references ({@code booking_counters}, one locked
 * row per business and year, so references have no gaps).
 */
@Repository
public class AppointmentStore {

    private static final String COLUMNS = """
            select id, tenant_id, reference, service_id, resource_id, service_name, starts_at, ends_at, blocked_from,
                   blocked_until, status, customer_name, customer_phone, customer_email, vehicle_plate,
                   vehicle_category, payment_choice, price, currency, hold_expires_at, source, locale, note,
                   cancel_reason, reminder_sent_at, created_at, updated_at, version
              from appointments""";

    /** Where an occupying appointment stands: confirmed or completed, or held and not yet expired at {@code ?}. */
    private static final String OCCUPYING = "(status in ('CONFIRMED', 'COMPLETED') or (status = 'HELD' and hold_expires_at > ?))";

    private final JdbcTemplate jdbc;

    AppointmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next reference of the business for the year ({@code RDV-2026-000001}), counted in this transaction. */
    public String nextReference(UUID tenant, int year) {
        Long value = jdbc.queryForObject("""
                insert into booking_counters (tenant_id, year, last_value) values (?, ?, 1)
                on conflict (tenant_id, year) do update set last_value = booking_counters.last_value + 1
                returning last_value""", Long.class, tenant, year);
        return "RDV-" + year + "-" + String.format(Locale.ROOT, "%06d", value);
    }

    /** The appointment, its row locked until the transaction ends if {@code lock}. */
    public Optional<Appointment> find(UUID tenant, UUID id, boolean lock) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and id = ?" + (lock ? " for update" : ""),
                (rs, i) -> Appointment.restore(state(rs)), tenant, id).stream().findFirst();
    }

    /** The appointment a customer's link opens (by the SHA-256 of its token). */
    public Optional<UUID> byLink(UUID tenant, String tokenHash) {
        return jdbc.queryForList("select appointment_id from appointment_links where tenant_id = ? and token_hash = ?",
                UUID.class, tenant, tokenHash).stream().findFirst();
    }

    /** The appointment of this reference ({@code RDV-2026-000042}), typed at the counter. */
    public Optional<UUID> byReference(UUID tenant, String reference) {
        return jdbc.queryForList("select id from appointments where tenant_id = ? and reference = ?",
                UUID.class, tenant, reference).stream().findFirst();
    }

    /** Keeps a link given to the customer (its hash only). */
    public void addLink(UUID tenant, UUID appointmentId, String tokenHash, Instant at) {
        jdbc.update("insert into appointment_links (token_hash, tenant_id, appointment_id, created_at) values (?, ?, ?, ?)",
                tokenHash, tenant, appointmentId, Timestamp.from(at));
    }

    /**
     * The times the resources' occupying appointments keep them busy between {@code from} and {@code until}, by
     * resource, leaving out one appointment (the one being moved) when given.
     */
    public Map<UUID, List<Occupancy>> occupancy(UUID tenant, Collection<UUID> resourceIds, Instant from,
                                                Instant until, Instant now, UUID except) {
        Map<UUID, List<Occupancy>> result = new HashMap<>();
        if (resourceIds.isEmpty()) {
            return result;
        }
        jdbc.query("select resource_id, blocked_from, blocked_until from appointments"
                        + " where tenant_id = ? and resource_id = any(?) and blocked_from < ? and blocked_until > ? and "
                        + OCCUPYING + " and id <> ?",
                rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Occupancy(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                }, tenant, resourceIds.toArray(UUID[]::new), Timestamp.from(until), Timestamp.from(from),
                Timestamp.from(now), except == null ? new UUID(0, 0) : except);
        return result;
    }

    /**
     * The request hash stored with an appointment whose id came from an Idempotency-Key: empty when no such
     * appointment exists, an empty string when it was stored without one.
     */
    public Optional<String> requestHash(UUID tenant, UUID id) {
        return jdbc.query("select coalesce(request_hash, '') from appointments where tenant_id = ? and id = ?",
                (rs, i) -> rs.getString(1), tenant, id).stream().findFirst();
    }

    public void insert(Appointment a, UUID by, String requestHash) {
        Timestamp at = Timestamp.from(a.createdAt());
        Customer c = a.customer();
        jdbc.update("""
                insert into appointments (id, tenant_id, reference, service_id, resource_id, service_name, starts_at,
                  ends_at, blocked_from, blocked_until, status, customer_name, customer_phone, customer_email,
                  vehicle_plate, vehicle_category, payment_choice, price, currency, hold_expires_at, source, locale,
                  note, request_hash, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.id(), a.tenantId(), a.reference(), a.serviceId(), a.resourceId(), a.serviceName(),
                Timestamp.from(a.startsAt()), Timestamp.from(a.endsAt()), Timestamp.from(a.blockedFrom()),
                Timestamp.from(a.blockedUntil()), a.status().name(), c.name(), c.phone(), c.email(), c.vehiclePlate(),
                c.vehicleCategory(), a.paymentChoice().name(), a.price(), a.currency(), stamp(a.holdExpiresAt()),
                a.source().name(), a.locale(), a.note(), requestHash, at, by, at, by);
        appendHistory(a);
    }

    /** Stores the status, the times, the resource, the hold and the reminder, and the steps the aggregate recorded. */
    public void store(Appointment a, UUID by) {
        jdbc.update("""
                update appointments set status = ?, resource_id = ?, starts_at = ?, ends_at = ?, blocked_from = ?,
                  blocked_until = ?, hold_expires_at = ?, cancel_reason = ?, reminder_sent_at = ?, updated_at = ?,
                  updated_by = ?, version = version + 1 where tenant_id = ? and id = ?""",
                a.status().name(), a.resourceId(), Timestamp.from(a.startsAt()), Timestamp.from(a.endsAt()),
                Timestamp.from(a.blockedFrom()), Timestamp.from(a.blockedUntil()), stamp(a.holdExpiresAt()),
                a.cancelReason(), stamp(a.reminderSentAt()), Timestamp.from(a.updatedAt()), by, a.tenantId(), a.id());
        appendHistory(a);
    }

    private void appendHistory(Appointment a) {
        jdbc.batchUpdate("""
                insert into appointment_history (id, tenant_id, appointment_id, status, action, note, at, by_user,
                  by_customer) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.recorded().stream().map(e -> new Object[] {Ids.newId(), a.tenantId(), a.id(), e.status().name(),
                        e.action(), e.note() == null ? null : e.note().length() > 300 ? e.note().substring(0, 300)
                        : e.note(), Timestamp.from(e.at()), e.byUser(), e.byCustomer()}).toList());
    }

    /** The appointment's timeline, oldest first. */
    public List<TimelineEntry> history(UUID tenant, UUID appointmentId) {
        return jdbc.query("""
                select status, action, note, at, by_user, by_customer from appointment_history
                 where tenant_id = ? and appointment_id = ? order by at, id""",
                (rs, i) -> new TimelineEntry(AppointmentStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class),
                        rs.getBoolean(6)), tenant, appointmentId);
    }

    /**
     * The appointments starting from {@code from} to before {@code until}, by start then resource; cancelled and
     * expired ones too when {@code all}.
     */
    public List<Appointment> between(UUID tenant, Instant from, Instant until, UUID resourceId, boolean all) {
        List<Object> args = new ArrayList<>(List.of(tenant, Timestamp.from(from), Timestamp.from(until)));
        String where = " where tenant_id = ? and starts_at >= ? and starts_at < ?";
        if (resourceId != null) {
            where += " and resource_id = ?";
            args.add(resourceId);
        }
        if (!all) {
            where += " and status not in ('CANCELLED', 'EXPIRED')";
        }
        return jdbc.query(COLUMNS + where + " order by starts_at, resource_id, id",
                (rs, i) -> Appointment.restore(state(rs)), args.toArray());
    }

    /** The business's holds that lapsed by {@code now} (still HELD), oldest first. */
    public List<UUID> lapsedHolds(UUID tenant, Instant now) {
        return jdbc.queryForList("""
                select id from appointments where tenant_id = ? and status = 'HELD' and hold_expires_at <= ?
                 order by hold_expires_at, id""", UUID.class, tenant, Timestamp.from(now));
    }

    /**
     * Confirmed appointments starting between {@code from} and {@code until} that were booked before
     * {@code bookedBefore} relative to their start (the reminder's window), without a reminder yet.
     */
    public List<UUID> dueReminders(UUID tenant, Instant from, Instant until, long hoursAhead) {
        return jdbc.queryForList("""
                select id from appointments where tenant_id = ? and status = 'CONFIRMED' and reminder_sent_at is null
                   and starts_at > ? and starts_at <= ? and created_at <= starts_at - make_interval(hours => ?)
                 order by starts_at, id""", UUID.class, tenant, Timestamp.from(from), Timestamp.from(until),
                (int) hoursAhead);
    }

    /** Marks the reminder sent, once: false when another run did it first. */
    public boolean markReminded(UUID tenant, UUID id, Instant at) {
        return jdbc.update("""
                update appointments set reminder_sent_at = ? where tenant_id = ? and id = ? and reminder_sent_at is null
                   and status = 'CONFIRMED'""", Timestamp.from(at), tenant, id) == 1;
    }

    /** The businesses that have appointments (for the jobs). */
    public List<UUID> bookingTenants() {
        return jdbc.queryForList("select tenant_id from booking_tenants order by tenant_id", UUID.class);
    }

    private static Appointment.State state(ResultSet rs) throws SQLException {
        return new Appointment.State(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("reference"), rs.getObject("service_id", UUID.class),
                rs.getObject("resource_id", UUID.class), rs.getString("service_name"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), instant(rs, "blocked_from"), instant(rs, "blocked_until"),
                AppointmentStatus.valueOf(rs.getString("status")),
                new Customer(rs.getString("customer_name"), rs.getString("customer_phone"),
                        rs.getString("customer_email"), rs.getString("vehicle_plate"),
                        rs.getString("vehicle_category")),
                PaymentChoice.valueOf(rs.getString("payment_choice")), rs.getBigDecimal("price"),
                rs.getString("currency"), instant(rs, "hold_expires_at"),
                BookingSource.valueOf(rs.getString("source")), rs.getString("locale"), rs.getString("note"),
                rs.getString("cancel_reason"), instant(rs, "reminder_sent_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp stamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
