package app.comptoir.inspections.application;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.inspections.domain.ControlFunction;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.PointResult;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.PdfRenderer;
import app.comptoir.platform.QrCodes;

/**
 * The documents of a completed inspection, as PDF in French or English, for the current business: the report
 * (procès-verbal: every control point by function, the defects with their grade, comment and photo, the outcome and
 * its dates) and, for a favourable inspection only, the one-page certificate. Both carry the QR code of the public
 * verification page, whose absolute address is built on {@code comptoir.public-url} (the address the e-mails use:
 * a printed document has no page to be relative to).
 */
@Service
public class InspectionPdfs {

    private static final String REPORT = "inspections/documents/report";
    private static final String CERTIFICATE = "inspections/documents/certificate";

    /** A rendered document: its file name (with the report number) and its bytes. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    /** The centre as its documents print it. */
    public record Centre(String name, String addressLine1, String addressLine2, String postalCode, String city,
                         String siret, String logo) {
    }

    /** A control point's line of the report: its code, grade (null: not checked), comment and photo (data URI). */
    public record PointLine(String code, Grade grade, String comment, String photo) {

        /** Whether the point is a defect (minor, major or critical). */
        public boolean defect() {
            return grade != null && grade != Grade.OK;
        }
    }

    /** The points of one function, in the checklist's order. */
    public record FunctionGroup(ControlFunction function, List<PointLine> points) {
    }

    private final Tenants tenants;
    private final LegalIdentities legal;
    private final BusinessTime businessTime;
    private final ITemplateEngine templates;
    private final PdfRenderer pdf;
    private final String publicUrl;

    InspectionPdfs(Tenants tenants, LegalIdentities legal, BusinessTime businessTime, ITemplateEngine templates,
                   PdfRenderer pdf, @Value("${comptoir.public-url:http://localhost:8080}") String publicUrl) {
        this.tenants = tenants;
        this.legal = legal;
        this.businessTime = businessTime;
        this.templates = templates;
        this.pdf = pdf;
        String trimmed = publicUrl.trim();
        this.publicUrl = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The report (procès-verbal) of the inspection: {@code PV-<number>.pdf}. */
    public Pdf report(InspectionReport report, Locale locale) {
        Map<String, Object> model = base(report, locale);
        List<FunctionGroup> groups = groups(report);
        model.put("groups", groups);
        model.put("defects", groups.stream().flatMap(g -> g.points().stream()).filter(PointLine::defect).toList());
        return new Pdf("PV-" + report.reportNumber() + ".pdf", pdf.render(templates.process(REPORT,
                new Context(locale, model))));
    }

    /**
     * The certificate of a favourable inspection: {@code CERT-<number>.pdf}; a 409 problem
     * ({@code inspection-not-favourable}) for any other outcome, which has no certificate.
     */
    public Pdf certificate(InspectionReport report, Locale locale) {
        if (report.outcome() != Outcome.FAVOURABLE) {
            throw new ConflictException("inspection-not-favourable", "Inspection " + report.reportNumber()
                    + " is not favourable (" + report.outcome() + "): it has no certificate");
        }
        Map<String, Object> model = base(report, locale);
        return new Pdf("CERT-" + report.reportNumber() + ".pdf", pdf.render(templates.process(CERTIFICATE,
                new Context(locale, model))));
    }

    /** The absolute address of the public verification page of the current business's inspection. */
    public String verificationUrl(InspectionReport report) {
        return verificationUrl(publicUrl, tenants.current().slug(), report.verificationCode());
    }

    /** The address of the public verification page: {@code <base>/verify/<business slug>/<code>}. */
    public static String verificationUrl(String base, String slug, String code) {
        return base + "/verify/" + slug + "/" + code;
    }

    private Map<String, Object> base(InspectionReport report, Locale locale) {
        TenantProfile profile = tenants.current();
        LegalIdentity identity = legal.current();
        String url = verificationUrl(publicUrl, profile.slug(), report.verificationCode());
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("centre", new Centre(identity.legalName() == null ? profile.name() : identity.legalName(),
                identity.addressLine1(), identity.addressLine2(), identity.postalCode(), identity.city(),
                identity.siret(), legal.logo().map(l -> dataUri(l.mediaType(), l.bytes())).orElse(null)));
        model.put("verificationUrl", url);
        model.put("qr", dataUri("image/png", QrCodes.png(url, 360)));
        model.put("fmt", new Printing(locale, businessTime.zone()));
        return model;
    }

    private static List<FunctionGroup> groups(InspectionReport report) {
        Map<ControlFunction, List<PointLine>> byFunction = new EnumMap<>(ControlFunction.class);
        for (PointResult p : report.points()) {
            InspectionReport.Photo photo = p.photoId() == null ? null : report.photos().get(p.photoId());
            byFunction.computeIfAbsent(p.function(), f -> new ArrayList<>()).add(new PointLine(p.code(), p.grade(),
                    p.comment(), photo == null ? null : dataUri(photo.contentType(), photo.bytes())));
        }
        List<FunctionGroup> groups = new ArrayList<>();
        byFunction.forEach((function, points) -> groups.add(new FunctionGroup(function, List.copyOf(points))));
        return groups;
    }

    private static String dataUri(String mediaType, byte[] bytes) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Dates, times and distances as the document's language writes them, in the business's zone ({@code fmt}). */
    public record Printing(Locale locale, ZoneId zone) {

        public String date(LocalDate date) {
            return date == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy", locale).format(date);
        }

        public String date(Instant at) {
            return at == null ? "" : date(at.atZone(zone).toLocalDate());
        }

        public String time(Instant at) {
            return at == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale).format(at.atZone(zone));
        }

        public String km(Integer km) {
            return km == null ? "" : NumberFormat.getIntegerInstance(locale).format(km) + " km";
        }
    }
}
