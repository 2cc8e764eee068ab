package app.comptoir.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.identity.Tenants;
import app.comptoir.inspections.application.InspectionPdfs;
import app.comptoir.inspections.application.InspectionReports;
import app.comptoir.inspections.domain.Outcome;

/**
 * A completed inspection's documents for the motorist, for the notifications module's e-mail: who receives them
 * (the vehicle's owner and the address the centre keeps) and the PDFs, in the business's language: the report, and
 * the certificate when the inspection is favourable.
 */
@Service
public class InspectionDocuments {

    /** A PDF to attach: its file name (with the report number) and bytes. */
    public record Attachment(String fileName, byte[] pdf) {
    }

    /**
     * The mail's facts: the inspection's number, outcome ({@code FAVOURABLE}, {@code COUNTER_VISIT},
     * {@code UNFAVOURABLE}) and dates, the vehicle's plate, the owner's name and e-mail (null when the centre has
     * none), the language of the documents, the public verification address and the attachments.
     */
    public record OwnerMail(String reportNumber, String outcome, LocalDate validUntil, LocalDate counterVisitBefore,
                            String plate, String ownerName, String ownerEmail, Locale locale,
                            String verificationUrl, List<Attachment> attachments) {
    }

    private final InspectionReports reports;
    private final InspectionPdfs pdfs;
    private final Tenants tenants;

    InspectionDocuments(InspectionReports reports, InspectionPdfs pdfs, Tenants tenants) {
        this.reports = reports;
        this.pdfs = pdfs;
        this.tenants = tenants;
    }

    /**
     * The mail to the owner of the current business's completed inspection, or empty when there is none. The PDFs
     * are printed only when {@code withDocuments} (not for a mail that cannot leave: no address, a demo business).
     */
    public Optional<OwnerMail> ownerMail(UUID inspectionId, boolean withDocuments) {
        return reports.report(inspectionId).map(report -> {
            Locale locale = locale(tenants.current().locale());
            String email = report.vehicle().ownerEmail() == null || report.vehicle().ownerEmail().isBlank() ? null
                    : report.vehicle().ownerEmail().strip();
            List<Attachment> attachments = new ArrayList<>();
            if (withDocuments && email != null) {
                attachments.add(attachment(pdfs.report(report, locale)));
                if (report.outcome() == Outcome.FAVOURABLE) {
                    attachments.add(attachment(pdfs.certificate(report, locale)));
                }
            }
            return new OwnerMail(report.reportNumber(), report.outcome().name(), report.validUntil(),
                    report.counterVisitBefore(), report.vehicle().plate(), report.vehicle().ownerName(), email, locale,
                    pdfs.verificationUrl(report), List.copyOf(attachments));
        });
    }

    private static Attachment attachment(InspectionPdfs.Pdf pdf) {
        return new Attachment(pdf.fileName(), pdf.bytes());
    }

    private static Locale locale(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }
}
