package app.comptoir.inspections.web;

import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.inspections.application.InspectionPdfs;
import app.comptoir.inspections.application.InspectionReport;
import app.comptoir.inspections.application.InspectionReports;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * The documents of a completed inspection for the staff, shown in the browser ({@code inline}) and saved under the
 * report number: the report (procès-verbal) and, for a favourable inspection, the certificate (409
 * {@code inspection-not-favourable} otherwise). 404 for an unknown inspection or one not completed yet. In the
 * user's language ({@code ?lang=}, French by default).
 */
@RestController
@RequestMapping("/api/v1/inspections/{id}")
@Tag(name = "Inspections: documents")
class InspectionDocumentController {

    private final InspectionReports reports;
    private final InspectionPdfs pdfs;
    private final Permissions permissions;

    InspectionDocumentController(InspectionReports reports, InspectionPdfs pdfs, Permissions permissions) {
        this.reports = reports;
        this.pdfs = pdfs;
        this.permissions = permissions;
    }

    @GetMapping("/report.pdf")
    @Operation(summary = "The inspection's report (procès-verbal) as PDF: every control point, the defects, photos, "
            + "outcome and the QR code of the public verification page",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> report(@PathVariable UUID id, Locale locale) {
        return inline(pdfs.report(completed(id), language(locale)));
    }

    @GetMapping("/certificate.pdf")
    @Operation(summary = "The certificate of a favourable inspection as PDF (409 for another outcome)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, Locale locale) {
        return inline(pdfs.certificate(completed(id), language(locale)));
    }

    private InspectionReport completed(UUID id) {
        permissions.require(Permission.READ);
        return reports.report(id).orElseThrow(() -> new NotFoundException("Completed inspection", id));
    }

    static Locale language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The PDF shown in the browser (staff pages link the same documents). */
    static ResponseEntity<byte[]> inline(InspectionPdfs.Pdf pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName())
                        .build().toString())
                .body(pdf.bytes());
    }
}
