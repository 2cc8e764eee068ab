package app.comptoir.inspections.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.inspections.application.InspectionReport;
import app.comptoir.inspections.domain.ControlFunction;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.InspectionKind;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.PointResult;
import app.comptoir.inspections.domain.VehicleCategory;

/**
 * The SQL of the documents' read model: a completed inspection with its vehicle, its points in checklist order, the
 * photos its defects point to, and the number of the inspection a counter-visit follows.
 */
@Repository
public class InspectionReportStore {

    private final JdbcClient jdbc;

    InspectionReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The completed inspection of the business, or empty (unknown, in progress or cancelled). */
    public Optional<InspectionReport> completed(UUID tenant, UUID inspectionId) {
        Optional<Head> head = jdbc.sql("""
                        select i.id, i.report_number, i.verification_code, i.kind, previous.report_number as previous_number,
                               i.started_at, i.completed_at, i.outcome, i.counter_visit_before, i.valid_until, i.lane_name,
                               i.inspector_name, i.odometer_km, i.category,
                               v.id as vehicle_id, v.plate, v.vin, v.brand, v.model, v.fuel, v.first_registered_on,
                               v.owner_name, v.owner_email
                          from inspections i
                          join vehicles v on v.tenant_id = i.tenant_id and v.id = i.vehicle_id
                          left join inspections previous on previous.tenant_id = i.tenant_id and previous.id = i.counter_visit_of
                         where i.tenant_id = ? and i.id = ? and i.status = 'COMPLETED'""")
                .params(tenant, inspectionId)
                .query(InspectionReportStore::head)
                .optional();
        return head.map(h -> h.report(points(tenant, inspectionId), photos(tenant, inspectionId)));
    }

    private List<PointResult> points(UUID tenant, UUID inspectionId) {
        return jdbc.sql("""
                        select code, function_code, position, grade, comment, photo_id, checked_at, checked_by
                          from inspection_points where tenant_id = ? and inspection_id = ? order by position, code""")
                .params(tenant, inspectionId)
                .query((rs, n) -> new PointResult(rs.getString("code"),
                        ControlFunction.valueOf(rs.getString("function_code")), rs.getInt("position"),
                        rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade")),
                        rs.getString("comment"), rs.getObject("photo_id", UUID.class), instant(rs, "checked_at"),
                        rs.getObject("checked_by", UUID.class)))
                .list();
    }

    /** Only the photos a point shows: an inspection may keep photos the inspector replaced. */
    private Map<UUID, InspectionReport.Photo> photos(UUID tenant, UUID inspectionId) {
        Map<UUID, InspectionReport.Photo> photos = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.id, p.content_type, p.bytes from inspection_photos p
                         where p.tenant_id = ? and p.inspection_id = ?
                           and exists (select 1 from inspection_points ip where ip.tenant_id = p.tenant_id
                                        and ip.inspection_id = p.inspection_id and ip.photo_id = p.id)
                         order by p.id""")
                .params(tenant, inspectionId)
                .query(rs -> {
                    photos.put(rs.getObject("id", UUID.class),
                            new InspectionReport.Photo(rs.getString("content_type"), rs.getBytes("bytes")));
                });
        return photos;
    }

    private record Head(UUID id, String number, String code, InspectionKind kind, String previousNumber,
                        Instant startedAt, Instant completedAt, Outcome outcome, LocalDate counterVisitBefore,
                        LocalDate validUntil, String lane, String inspector, Integer odometer,
                        InspectionReport.Vehicle vehicle) {

        InspectionReport report(List<PointResult> points, Map<UUID, InspectionReport.Photo> photos) {
            return new InspectionReport(id, number, code, kind, previousNumber, startedAt, completedAt, outcome,
                    counterVisitBefore, validUntil, lane, inspector, odometer, vehicle, points, photos);
        }
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        VehicleCategory category = VehicleCategory.of(rs.getString("category")).orElse(null);
        InspectionReport.Vehicle vehicle = new InspectionReport.Vehicle(rs.getObject("vehicle_id", UUID.class),
                rs.getString("plate"), rs.getString("vin"), rs.getString("brand"), rs.getString("model"), category,
                rs.getString("fuel"), date(rs, "first_registered_on"), rs.getString("owner_name"),
                rs.getString("owner_email"));
        return new Head(rs.getObject("id", UUID.class), rs.getString("report_number"),
                rs.getString("verification_code"), InspectionKind.valueOf(rs.getString("kind")),
                rs.getString("previous_number"), instant(rs, "started_at"), instant(rs, "completed_at"),
                Outcome.valueOf(rs.getString("outcome")), date(rs, "counter_visit_before"), date(rs, "valid_until"),
                rs.getString("lane_name"), rs.getString("inspector_name"),
                rs.getObject("odometer_km") == null ? null : rs.getInt("odometer_km"), vehicle);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
