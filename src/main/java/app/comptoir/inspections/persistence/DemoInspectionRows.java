package app.comptoir.inspections.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.inspections.domain.Inspection;
import app.comptoir.inspections.domain.PointResult;

/**
 * The demo's vehicles, lane assignments and inspections written in bulk (each column passed as one array and
 * unnested, a few thousand rows per statement), with the report counters they were numbered from: the use cases
 * write one inspection and one point at a time, which six weeks of an inspection centre do not need. Authors are
 * left null and filled by the tables' triggers (the system actor), as the bookings demo does. Every statement runs
 * under the current tenant, so row-level security checks each row like any other write.
 */
@Repository
public class DemoInspectionRows {

    private static final int CHUNK = 2000;

    private final JdbcTemplate jdbc;

    DemoInspectionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who inspects on a lane on a day. */
    public record Assignment(LocalDate day, UUID laneId, UUID inspectorId, Instant at) {
    }

    /** Whether the business has vehicles already (then the demo leaves it as it is). */
    public boolean present(UUID tenant) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from vehicles where tenant_id = ?)",
                Boolean.class, tenant));
    }

    /**
     * Writes the vehicles, the lane assignments, the inspections (an inspection a counter-visit follows comes before
     * it in the list) with their points, and the last report number given per year.
     */
    public void insert(UUID tenant, List<VehicleView> vehicles, List<Assignment> assignments,
                       List<Inspection.State> inspections, Map<Integer, Integer> lastNumber) {
        List<Object[]> rows = new ArrayList<>(vehicles.size());
        for (VehicleView v : vehicles) {
            rows.add(new Object[] {v.id(), tenant, v.plate(), v.vin(), v.brand(), v.model(), v.category(), v.fuel(),
                    v.firstRegisteredOn(), v.ownerName(), v.ownerEmail(), v.ownerPhone(), v.createdAt(),
                    v.updatedAt()});
        }
        insert("""
                insert into vehicles (id, tenant_id, plate, vin, brand, model, category, fuel, first_registered_on,
                  owner_name, owner_email, owner_phone, created_at, updated_at)
                select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                  ?::varchar[], ?::varchar[], ?::date[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[],
                  ?::timestamptz[])""",
                new String[] {"uuid", "uuid", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "date",
                        "varchar", "varchar", "varchar", "timestamptz", "timestamptz"}, rows);

        rows = new ArrayList<>(assignments.size());
        for (Assignment a : assignments) {
            rows.add(new Object[] {tenant, a.day(), a.laneId(), a.inspectorId(), a.at()});
        }
        insert("""
                insert into inspection_lane_assignments (tenant_id, day, lane_id, inspector_id, created_at)
                select * from unnest(?::uuid[], ?::date[], ?::uuid[], ?::uuid[], ?::timestamptz[])
                on conflict (tenant_id, day, lane_id) do nothing""",
                new String[] {"uuid", "date", "uuid", "uuid", "timestamptz"}, rows);

        rows = new ArrayList<>(inspections.size());
        List<Object[]> points = new ArrayList<>();
        for (Inspection.State s : inspections) {
            Instant changed = s.completedAt() != null ? s.completedAt() : s.points().stream()
                    .map(PointResult::checkedAt).filter(at -> at != null).max(Instant::compareTo).orElse(s.startedAt());
            rows.add(new Object[] {s.id(), tenant, s.vehicleId(), s.appointmentId(), s.kind().name(),
                    s.counterVisitOf(), s.status().name(), s.laneId(), s.laneName(), s.inspectorId(),
                    s.inspectorName(), s.category().name(), s.odometerKm(), s.startedAt(), s.completedAt(),
                    s.outcome() == null ? null : s.outcome().name(), s.counterVisitBefore(), s.validUntil(),
                    s.reportNumber(), s.verificationCode(), s.startedAt(), changed});
            for (PointResult p : s.points()) {
                points.add(new Object[] {tenant, s.id(), p.code(), p.function().name(), p.position(),
                        p.grade() == null ? null : p.grade().name(), p.comment(), p.checkedAt()});
            }
        }
        insert("""
                insert into inspections (id, tenant_id, vehicle_id, appointment_id, kind, counter_visit_of, status,
                  lane_id, lane_name, inspector_id, inspector_name, category, odometer_km, started_at, completed_at,
                  outcome, counter_visit_before, valid_until, report_number, verification_code, created_at, updated_at)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::uuid[],
                  ?::varchar[], ?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::int4[],
                  ?::timestamptz[], ?::timestamptz[], ?::varchar[], ?::date[], ?::date[], ?::varchar[], ?::varchar[],
                  ?::timestamptz[], ?::timestamptz[])""",
                new String[] {"uuid", "uuid", "uuid", "uuid", "varchar", "uuid", "varchar", "uuid", "varchar", "uuid",
                        "varchar", "varchar", "int4", "timestamptz", "timestamptz", "varchar", "date", "date",
                        "varchar", "varchar", "timestamptz", "timestamptz"}, rows);
        insert("""
                insert into inspection_points (tenant_id, inspection_id, code, function_code, position, grade, comment,
                  checked_at)
                select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::int4[], ?::varchar[],
                  ?::varchar[], ?::timestamptz[])""",
                new String[] {"uuid", "uuid", "varchar", "varchar", "int4", "varchar", "varchar", "timestamptz"},
                points);

        lastNumber.forEach((year, last) -> jdbc.update("""
                insert into inspection_counters (tenant_id, year, last_value) values (?, ?, ?)
                on conflict (tenant_id, year) do update set last_value = greatest(inspection_counters.last_value,
                  excluded.last_value)""", tenant, year, last));
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
            Object value = rows.get(r)[c];
            values[r] = switch (value) {
                case Instant at -> Timestamp.from(at);
                case LocalDate day -> java.sql.Date.valueOf(day);
                case null, default -> value;
            };
        }
        return connection.createArrayOf(type, values);
    }
}
