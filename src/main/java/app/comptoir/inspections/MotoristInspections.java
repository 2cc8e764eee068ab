package app.comptoir.inspections;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.inspections.application.InspectionPdfs;
import app.comptoir.inspections.application.InspectionReport;
import app.comptoir.inspections.application.InspectionReports;
import app.comptoir.inspections.application.Vehicles;
import app.comptoir.inspections.domain.DueDates;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.persistence.InspectionStore;
import app.comptoir.inspections.persistence.InspectionSummary;
import app.comptoir.inspections.persistence.VehicleStore;
import app.comptoir.inspections.persistence.VehicleView;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.TenantContext;

/**
 * The motorist's own inspections, for the customer accounts of the storefront (the motorist's space): the vehicles
 * the current business files under the motorist's e-mail address, their completed inspections and next due date,
 * and the PDFs of those inspections. The caller vouches that the address is the signed-in customer's and verified;
 * nothing here is reachable through another address (an inspection of someone else's vehicle is simply not found).
 * No staff permission is asked: it runs for a customer, in the business's tenant.
 */
@Service
@Transactional(readOnly = true)
public class MotoristInspections {

    /** Vehicles shown at most (a family or a small fleet; a garage would use the centre's staff screens). */
    public static final int MAX_VEHICLES = 20;

    /** A completed inspection as the motorist sees it: number, day, kind, outcome, dates, certificate or not. */
    public record MotoristInspection(UUID id, String reportNumber, LocalDate completedOn, String kind, String outcome,
                                     LocalDate validUntil, LocalDate counterVisitBefore) {

        /** Whether a certificate exists (favourable outcome). */
        public boolean certificate() {
            return Outcome.FAVOURABLE.name().equals(outcome);
        }
    }

    /**
     * A vehicle of the motorist: plate, make and model, the next due date (null when unknown: no first registration
     * and no inspection) and whether it is a counter-visit's deadline, its completed inspections, the latest first.
     */
    public record MotoristVehicle(UUID id, String plate, String brand, String model, LocalDate nextDue,
                                  boolean counterVisitDue, List<MotoristInspection> inspections) {
    }

    private final VehicleStore vehicles;
    private final InspectionStore inspections;
    private final InspectionReports reports;
    private final InspectionPdfs pdfs;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;

    MotoristInspections(VehicleStore vehicles, InspectionStore inspections, InspectionReports reports,
                        InspectionPdfs pdfs, TenantContext tenantContext, BusinessTime businessTime) {
        this.vehicles = vehicles;
        this.inspections = inspections;
        this.reports = reports;
        this.pdfs = pdfs;
        this.tenantContext = tenantContext;
        this.businessTime = businessTime;
    }

    /** The current business's vehicles filed under this (verified) e-mail address, by plate. */
    public List<MotoristVehicle> vehicles(String verifiedEmail) {
        if (verifiedEmail == null || verifiedEmail.isBlank()) {
            return List.of();
        }
        UUID tenant = tenantContext.requireTenant();
        ZoneId zone = businessTime.zone();
        return vehicles.ofOwnerEmail(tenant, verifiedEmail, MAX_VEHICLES).stream().map(v -> {
            List<InspectionSummary> history = inspections.ofVehicle(tenant, v.id());
            Optional<DueDates.Due> due = Vehicles.due(v, history);
            List<MotoristInspection> done = history.stream().filter(i -> "COMPLETED".equals(i.status()))
                    .map(i -> new MotoristInspection(i.id(), i.reportNumber(),
                            i.completedAt() == null ? null : i.completedAt().atZone(zone).toLocalDate(), i.kind(),
                            i.outcome(), i.validUntil(), i.counterVisitBefore()))
                    .toList();
            return new MotoristVehicle(v.id(), v.plate(), v.brand(), v.model(), due.map(DueDates.Due::on).orElse(null),
                    due.map(DueDates.Due::counterVisit).orElse(false), done);
        }).toList();
    }

    /** The report of a completed inspection of one of this motorist's vehicles, or empty (unknown, someone else's). */
    public Optional<InspectionDocuments.Attachment> report(String verifiedEmail, UUID inspectionId, Locale locale) {
        return owned(verifiedEmail, inspectionId).map(r -> attachment(pdfs.report(r, locale)));
    }

    /** The certificate of a favourable inspection of one of this motorist's vehicles, or empty. */
    public Optional<InspectionDocuments.Attachment> certificate(String verifiedEmail, UUID inspectionId,
                                                                 Locale locale) {
        return owned(verifiedEmail, inspectionId).filter(r -> r.outcome() == Outcome.FAVOURABLE)
                .map(r -> attachment(pdfs.certificate(r, locale)));
    }

    private Optional<InspectionReport> owned(String verifiedEmail, UUID inspectionId) {
        if (verifiedEmail == null || verifiedEmail.isBlank() || inspectionId == null) {
            return Optional.empty();
        }
        return reports.report(inspectionId).filter(r -> r.vehicle().ownerEmail() != null
                && r.vehicle().ownerEmail().strip().equalsIgnoreCase(verifiedEmail.strip()));
    }

    private static InspectionDocuments.Attachment attachment(InspectionPdfs.Pdf pdf) {
        return new InspectionDocuments.Attachment(pdf.fileName(), pdf.bytes());
    }
}
