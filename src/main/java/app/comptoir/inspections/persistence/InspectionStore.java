package app.comptoir.inspections.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.inspections.domain.ControlFunction;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Inspection;
import app.comptoir.inspections.domain.InspectionKind;
import app.comptoir.inspections.domain.InspectionStatus;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.PointResult;
import app.comptoir.inspections.domain.VehicleCategory;

/**
 * Every SQL text of inspections: the inspection row and its points, defect photos, the day's lane assignments, and
 * the report numbers ({@code inspection_counters}: one row per business and year, incremented in the completing
 * transaction, whose row lock makes a second completion wait, so numbers have no gaps and no duplicates). An
 * inspection is written only at the version it was read at (the service locks it first with {@code for update}).
 */
@Repository
public class InspectionStore {

    private static final String COLUMNS = """
            select id, tenant_id, vehicle_id, appointment_id, kind, counter_visit_of, status, lane_id, lane_name,
                   inspector_id, inspector_name, category, odometer_km, started_at, completed_at, outcome,
                   counter_visit_before, valid_until, report_number, verification_code, version
              from inspections""";

    private static final String SUMMARY = """
            select i.id, i.vehicle_id, v.plate, v.brand, v.model, i.category, i.appointment_id, i.kind, i.status,
                   i.outcome, i.started_at, i.completed_at, i.counter_visit_before, i.valid_until, i.report_number,
                   i.lane_name, i.inspector_name,
                   (select count(*) from inspection_points p where p.inspection_id = i.id and p.grade is not null) checked,
                   (select count(*) from inspection_points p where p.inspection_id = i.id) points,
                   (select count(*) from inspection_points p where p.inspection_id = i.id
                        and p.grade in ('MINOR', 'MAJOR', 'CRITICAL')) defects
              from inspections i join vehicles v on v.id = i.vehicle_id""";

    private final JdbcTemplate jdbc;

    InspectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next report number of the business for the year ({@code PV-2026-000042}), counted in this transaction. */
    public String nextReportNumber(UUID tenant, int year) {
        Long value = jdbc.queryForObject("""
                insert into inspection_counters (tenant_id, year, last_value) values (?, ?, 1)
                on conflict (tenant_id, year) do update set last_value = inspection_counters.last_value + 1
                returning last_value""", Long.class, tenant, year);
        return "PV-" + year + "-" + String.format(Locale.ROOT, "%06d", value);
    }

    public void insert(Inspection.State s, Instant at, UUID by) {
        jdbc.update("""
                insert into inspections (id, tenant_id, vehicle_id, appointment_id, kind, counter_visit_of, status,
                                         lane_id, lane_name, inspector_id, inspector_name, category, started_at,
                                         created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.id(), s.tenantId(), s.vehicleId(), s.appointmentId(), s.kind().name(), s.counterVisitOf(),
                s.status().name(), s.laneId(), s.laneName(), s.inspectorId(), s.inspectorName(), s.category().name(),
                Timestamp.from(s.startedAt()), Timestamp.from(at), by, Timestamp.from(at), by);
        jdbc.batchUpdate("""
                insert into inspection_points (tenant_id, inspection_id, code, function_code, position)
                values (?, ?, ?, ?, ?)""", s.points().stream()
                .map(p -> new Object[]{s.tenantId(), s.id(), p.code(), p.function().name(), p.position()}).toList());
    }

    /** Stores the inspection and its points; false when it is no longer at the version it was read at. */
    public boolean update(Inspection.State s, Instant at, UUID by) {
        int rows = jdbc.update("""
                update inspections set status = ?, lane_id = ?, lane_name = ?, inspector_id = ?, inspector_name = ?,
                       odometer_km = ?, completed_at = ?, outcome = ?, counter_visit_before = ?, valid_until = ?,
                       report_number = ?, verification_code = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and version = ?""",
                s.status().name(), s.laneId(), s.laneName(), s.inspectorId(), s.inspectorName(), s.odometerKm(),
                s.completedAt() == null ? null : Timestamp.from(s.completedAt()),
                s.outcome() == null ? null : s.outcome().name(), s.counterVisitBefore(), s.validUntil(),
                s.reportNumber(), s.verificationCode(), Timestamp.from(at), by, s.tenantId(), s.id(), s.version());
        if (rows != 1) {
            return false;
        }
        jdbc.batchUpdate("""
                update inspection_points set grade = ?, comment = ?, photo_id = ?, checked_at = ?, checked_by = ?
                 where tenant_id = ? and inspection_id = ? and code = ?""", s.points().stream()
                .map(p -> new Object[]{p.grade() == null ? null : p.grade().name(), p.comment(), p.photoId(),
                        p.checkedAt() == null ? null : Timestamp.from(p.checkedAt()), p.checkedBy(), s.tenantId(),
                        s.id(), p.code()}).toList());
        return true;
    }

    /** The inspection with its points, its row locked until the transaction ends if {@code lock}. */
    public Optional<Inspection> find(UUID tenant, UUID id, boolean lock) {
        List<PointResult> points = jdbc.query("""
                select code, function_code, position, grade, comment, photo_id, checked_at, checked_by
                  from inspection_points where tenant_id = ? and inspection_id = ? order by position""",
                (rs, i) -> new PointResult(rs.getString("code"), ControlFunction.valueOf(rs.getString("function_code")),
                        rs.getInt("position"), rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade")),
                        rs.getString("comment"), rs.getObject("photo_id", UUID.class), instant(rs, "checked_at"),
                        rs.getObject("checked_by", UUID.class)), tenant, id);
        return jdbc.query(COLUMNS + " where tenant_id = ? and id = ?" + (lock ? " for update" : ""),
                (rs, i) -> Inspection.restore(state(rs, points)), tenant, id).stream().findFirst();
    }

    /** The inspection (not cancelled) opened on an appointment. */
    public Optional<UUID> byAppointment(UUID tenant, UUID appointmentId) {
        return jdbc.queryForList("select id from inspections where tenant_id = ? and appointment_id = ? "
                + "and status <> 'CANCELLED'", UUID.class, tenant, appointmentId).stream().findFirst();
    }

    /** The inspection (not cancelled) opened on each of these appointments, by appointment. */
    public Map<UUID, UUID> ofAppointments(UUID tenant, java.util.Collection<UUID> appointmentIds) {
        Map<UUID, UUID> found = new HashMap<>();
        if (appointmentIds.isEmpty()) {
            return found;
        }
        jdbc.query("select appointment_id, id from inspections where tenant_id = ? and appointment_id = any (?) "
                + "and status <> 'CANCELLED'", rs -> {
                    found.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }, tenant, appointmentIds.toArray(UUID[]::new));
        return found;
    }

    /** The inspections started between two instants (a day of the business), by start. */
    public List<InspectionSummary> between(UUID tenant, Instant from, Instant until) {
        return jdbc.query(SUMMARY + " where i.tenant_id = ? and i.started_at >= ? and i.started_at < ? "
                + "order by i.started_at", InspectionStore::summary, tenant, Timestamp.from(from), Timestamp.from(until));
    }

    /** A vehicle's inspections, the latest first. */
    public List<InspectionSummary> ofVehicle(UUID tenant, UUID vehicleId) {
        return jdbc.query(SUMMARY + " where i.tenant_id = ? and i.vehicle_id = ? order by i.started_at desc",
                InspectionStore::summary, tenant, vehicleId);
    }

    /** The summary of one inspection. */
    public Optional<InspectionSummary> summary(UUID tenant, UUID id) {
        return jdbc.query(SUMMARY + " where i.tenant_id = ? and i.id = ?", InspectionStore::summary, tenant, id)
                .stream().findFirst();
    }

    /** The inspections of a page, newest first, whose plate or report number contains the text, with the total. */
    public List<InspectionSummary> recent(UUID tenant, String text, int limit, int offset) {
        String compact = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return jdbc.query(SUMMARY + " " + """
                 where i.tenant_id = ? and i.status <> 'CANCELLED'
                   and (? = '' or replace(replace(v.plate, '-', ''), ' ', '') like ?
                        or replace(i.report_number, '-', '') like ?)
                 order by i.started_at desc limit ? offset ?""", InspectionStore::summary, tenant, compact,
                "%" + compact + "%", "%" + compact + "%", limit, offset);
    }

    public long countRecent(UUID tenant, String text) {
        String compact = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        Long n = jdbc.queryForObject("""
                select count(*) from inspections i join vehicles v on v.id = i.vehicle_id
                 where i.tenant_id = ? and i.status <> 'CANCELLED'
                   and (? = '' or replace(replace(v.plate, '-', ''), ' ', '') like ?
                        or replace(i.report_number, '-', '') like ?)""", Long.class, tenant, compact,
                "%" + compact + "%", "%" + compact + "%");
        return n == null ? 0 : n;
    }

    public void insertPhoto(UUID tenant, UUID id, UUID inspectionId, String contentType, byte[] bytes, Instant at,
                            UUID by) {
        jdbc.update("""
                insert into inspection_photos (id, tenant_id, inspection_id, content_type, bytes, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""", id, tenant, inspectionId, contentType, bytes, Timestamp.from(at), by);
    }

    /** A photo of the inspection: its type and bytes. */
    public record Photo(String contentType, byte[] bytes) {
    }

    public Optional<Photo> photo(UUID tenant, UUID inspectionId, UUID photoId) {
        return jdbc.query("select content_type, bytes from inspection_photos where tenant_id = ? and inspection_id = ? "
                + "and id = ?", (rs, i) -> new Photo(rs.getString(1), rs.getBytes(2)), tenant, inspectionId, photoId)
                .stream().findFirst();
    }

    /** Who inspects on each lane on the day (lane id to inspector id). */
    public Map<UUID, UUID> assignments(UUID tenant, LocalDate day) {
        Map<UUID, UUID> byLane = new HashMap<>();
        jdbc.query("select lane_id, inspector_id from inspection_lane_assignments where tenant_id = ? and day = ?",
                rs -> {
                    byLane.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }, tenant, day);
        return byLane;
    }

    /** Names the inspector of a lane for the day (replacing the one named before), or frees the lane (null). */
    public void assign(UUID tenant, LocalDate day, UUID laneId, UUID inspectorId, Instant at, UUID by) {
        if (inspectorId == null) {
            jdbc.update("delete from inspection_lane_assignments where tenant_id = ? and day = ? and lane_id = ?",
                    tenant, day, laneId);
            return;
        }
        jdbc.update("""
                insert into inspection_lane_assignments (tenant_id, day, lane_id, inspector_id, created_at, created_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, day, lane_id) do update set inspector_id = excluded.inspector_id,
                       created_at = excluded.created_at, created_by = excluded.created_by""",
                tenant, day, laneId, inspectorId, Timestamp.from(at), by);
    }

    private static Inspection.State state(ResultSet rs, List<PointResult> points) throws SQLException {
        java.sql.Date before = rs.getDate("counter_visit_before");
        java.sql.Date valid = rs.getDate("valid_until");
        int km = rs.getInt("odometer_km");
        Integer odometer = rs.wasNull() ? null : km;
        return new Inspection.State(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("vehicle_id", UUID.class), rs.getObject("appointment_id", UUID.class),
                InspectionKind.valueOf(rs.getString("kind")), rs.getObject("counter_visit_of", UUID.class),
                InspectionStatus.valueOf(rs.getString("status")), rs.getObject("lane_id", UUID.class),
                rs.getString("lane_name"), rs.getObject("inspector_id", UUID.class), rs.getString("inspector_name"),
                VehicleCategory.valueOf(rs.getString("category")), odometer, instant(rs, "started_at"),
                instant(rs, "completed_at"), rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                before == null ? null : before.toLocalDate(), valid == null ? null : valid.toLocalDate(),
                rs.getString("report_number"), rs.getString("verification_code"), rs.getLong("version"),
                new ArrayList<>(points));
    }

    private static InspectionSummary summary(ResultSet rs, int i) throws SQLException {
        java.sql.Date before = rs.getDate("counter_visit_before");
        java.sql.Date valid = rs.getDate("valid_until");
        return new InspectionSummary(rs.getObject("id", UUID.class), rs.getObject("vehicle_id", UUID.class),
                rs.getString("plate"), rs.getString("brand"), rs.getString("model"), rs.getString("category"),
                rs.getObject("appointment_id", UUID.class), rs.getString("kind"), rs.getString("status"),
                rs.getString("outcome"), instant(rs, "started_at"), instant(rs, "completed_at"),
                before == null ? null : before.toLocalDate(), valid == null ? null : valid.toLocalDate(),
                rs.getString("report_number"), rs.getString("lane_name"), rs.getString("inspector_name"),
                rs.getInt("checked"), rs.getInt("points"), rs.getInt("defects"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
