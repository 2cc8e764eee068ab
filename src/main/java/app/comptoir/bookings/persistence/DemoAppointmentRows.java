package app.comptoir.bookings.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.Ids;

/**
 * The demo's appointments written in bulk (each column passed as one array and unnested, a few thousand rows per
 * statement), with their timelines and the reference counters they were numbered from: the use cases book one
 * appointment at a time under resource locks, which six weeks of an inspection centre do not need. Authors left
 * null are filled by the tables' triggers (the system actor). Every statement runs under the current tenant, so
 * row-level security checks each row like any other write.
 */
@Repository
public class DemoAppointmentRows {

    private static final int CHUNK = 2000;

    private final JdbcTemplate jdbc;

    DemoAppointmentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An appointment as stored (names and price copied from its service, as a booking copies them). */
    public record Row(UUID id, String reference, UUID serviceId, UUID resourceId, String serviceName, Instant startsAt,
                      Instant endsAt, Instant blockedFrom, Instant blockedUntil, String status, String customerName,
                      String customerPhone, String customerEmail, String vehiclePlate, String vehicleCategory,
                      String paymentChoice, BigDecimal price, String currency, String source, String note,
                      String cancelReason, Instant reminderSentAt, Instant createdAt, UUID createdBy, Instant updatedAt,
                      UUID updatedBy) {
    }

    /** A step of an appointment's timeline. */
    public record Step(UUID appointmentId, String status, String action, String note, Instant at, UUID byUser,
                       boolean byCustomer) {
    }

    /** Whether the business has set up bookings already (then the demo leaves it as it is). */
    public boolean present(UUID tenant) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from booking_services where tenant_id = ?)
                    or exists (select 1 from booking_resources where tenant_id = ?)""", Boolean.class, tenant, tenant));
    }

    /** Writes the appointments, their timelines and the last reference given per year. */
    public void insert(UUID tenant, List<Row> appointments, List<Step> steps, Map<Integer, Integer> lastReference) {
        List<Object[]> rows = new ArrayList<>(appointments.size());
        for (Row a : appointments) {
            rows.add(new Object[] {a.id(), tenant, a.reference(), a.serviceId(), a.resourceId(), a.serviceName(),
                    ts(a.startsAt()), ts(a.endsAt()), ts(a.blockedFrom()), ts(a.blockedUntil()), a.status(),
                    a.customerName(), a.customerPhone(), a.customerEmail(), a.vehiclePlate(), a.vehicleCategory(),
                    a.paymentChoice(), a.price(), a.currency(), a.source(), "fr", a.note(), a.cancelReason(),
                    ts(a.reminderSentAt()), ts(a.createdAt()), a.createdBy(), ts(a.updatedAt()), a.updatedBy()});
        }
        insert("""
                insert into appointments (id, tenant_id, reference, service_id, resource_id, service_name, starts_at,
                  ends_at, blocked_from, blocked_until, status, customer_name, customer_phone, customer_email,
                  vehicle_plate, vehicle_category, payment_choice, price, currency, source, locale, note,
                  cancel_reason, reminder_sent_at, created_at, created_by, updated_at, updated_by)
                select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::uuid[], ?::uuid[], ?::varchar[],
                  ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::varchar[], ?::varchar[],
                  ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[], ?::varchar[],
                  ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::timestamptz[],
                  ?::uuid[], ?::timestamptz[], ?::uuid[])""",
                new String[] {"uuid", "uuid", "varchar", "uuid", "uuid", "varchar", "timestamptz", "timestamptz",
                        "timestamptz", "timestamptz", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
                        "varchar", "numeric", "varchar", "varchar", "varchar", "varchar", "varchar", "timestamptz",
                        "timestamptz", "uuid", "timestamptz", "uuid"}, rows);
        List<Object[]> history = new ArrayList<>(steps.size());
        for (Step s : steps) {
            history.add(new Object[] {Ids.at(s.at().toEpochMilli()), tenant, s.appointmentId(), s.status(), s.action(),
                    s.note(), ts(s.at()), s.byUser(), s.byCustomer()});
        }
        insert("""
                insert into appointment_history (id, tenant_id, appointment_id, status, action, note, at, by_user,
                  by_customer)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
                  ?::timestamptz[], ?::uuid[], ?::boolean[])""",
                new String[] {"uuid", "uuid", "uuid", "varchar", "varchar", "varchar", "timestamptz", "uuid", "boolean"},
                history);
        lastReference.forEach((year, last) -> jdbc.update("""
                insert into booking_counters (tenant_id, year, last_value) values (?, ?, ?)
                on conflict (tenant_id, year) do update set last_value = greatest(booking_counters.last_value,
                  excluded.last_value)""", tenant, year, (long) last));
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

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
