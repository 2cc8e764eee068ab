package app.comptoir.inspections.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.inspections.domain.InspectionKind;
import app.comptoir.inspections.domain.Outcome;

/**
 * The SQL of the public verification page: what a completed inspection's verification code may reveal to anyone
 * (no owner, contact, VIN, odometer, comment or photo is even read).
 */
@Repository
public class VerificationStore {

    /** A completed inspection as the public page shows it; the plate is the full one, masked by the caller. */
    public record Verified(String reportNumber, InspectionKind kind, String counterVisitOfNumber, Instant completedAt,
                           Outcome outcome, LocalDate validUntil, LocalDate counterVisitBefore, String category,
                           String brand, String model, String plate) {
    }

    private final JdbcClient jdbc;

    VerificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The business's completed inspection with this verification code, or empty. */
    public Optional<Verified> byCode(UUID tenant, String code) {
        return jdbc.sql("""
                        select i.report_number, i.kind, previous.report_number as previous_number, i.completed_at,
                               i.outcome, i.valid_until, i.counter_visit_before, i.category, v.brand, v.model, v.plate
                          from inspections i
                          join vehicles v on v.tenant_id = i.tenant_id and v.id = i.vehicle_id
                          left join inspections previous on previous.tenant_id = i.tenant_id and previous.id = i.counter_visit_of
                         where i.tenant_id = ? and i.verification_code = ? and i.status = 'COMPLETED'""")
                .params(tenant, code)
                .query((rs, n) -> new Verified(rs.getString("report_number"), InspectionKind.valueOf(rs.getString("kind")),
                        rs.getString("previous_number"), InspectionReportStore.instant(rs, "completed_at"),
                        Outcome.valueOf(rs.getString("outcome")), InspectionReportStore.date(rs, "valid_until"),
                        InspectionReportStore.date(rs, "counter_visit_before"), rs.getString("category"),
                        rs.getString("brand"), rs.getString("model"), rs.getString("plate")))
                .optional();
    }
}
