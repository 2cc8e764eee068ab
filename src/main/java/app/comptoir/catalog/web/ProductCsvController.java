package app.comptoir.catalog.web;

import java.io.IOException;
import java.time.LocalDate;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.catalog.application.ImportReport;
import app.comptoir.catalog.application.ProductExports;
import app.comptoir.catalog.application.ProductImports;
import app.comptoir.platform.Exports;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.Problems;

/** The catalog as CSV: export, and import with a dry run and a per-line error report. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog")
class ProductCsvController {

    /** The same limit as a multipart upload. */
    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ProductImports imports;
    private final ProductExports exports;
    private final Jobs jobs;

    private final Exports downloads;

    ProductCsvController(ProductImports imports, ProductExports exports, Jobs jobs, Exports downloads) {
        this.jobs = jobs;
        this.imports = imports;
        this.exports = exports;
        this.downloads = downloads;
    }

    @GetMapping({"/export.csv", "/export.xlsx"})
    @Operation(summary = "Every product as CSV or Excel (.xlsx), one line per variant (the columns import reads)",
            description = "separator: comma (default) or semicolon (French Excel). lang=fr or en writes the file "
                    + "for people (statuses translated; in French, semicolons and decimal commas), which the import "
                    + "reads back too. Columns: slug, name, "
                    + "description, brand, category, tags, status, vat_rate, unit, option1_name, option1_value, "
                    + "option2_name, option2_value, option3_name, option3_value, sku, barcode, price, "
                    + "compare_at_price, cost, weight, active")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "comma") String separator,
                                  @RequestParam(required = false) String lang, HttpServletRequest request) {
        char sep = separator(separator);
        Exports.Format format = Exports.Format.of(request);
        Locale language = Exports.language(lang);
        if (format == Exports.Format.XLSX || language != null) {
            return downloads.download(format, exports.table(), language, exports::rows);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("products-" + LocalDate.now() + ".csv").build().toString())
                .body(exports.export(sep));
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import products from CSV (multipart part 'file'): upsert by SKU",
            description = "dryRun=true checks and reports without writing. Unless partial=true, nothing is written "
                    + "when a line is invalid (400 with the per-line errors); with partial=true, the products whose "
                    + "lines are all valid are written and the others skipped.")
    ResponseEntity<Object> importFile(@RequestPart(name = "file", required = false) MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean partial) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.field("file", "is required (a CSV file in the multipart part 'file')");
        }
        return respond(imports.importCsv(file.getBytes(), dryRun, partial));
    }

    @PostMapping(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import products from a CSV request body (same rules as the multipart form)")
    ResponseEntity<Object> importBody(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean partial) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new MaxUploadSizeExceededException(MAX_BYTES);
        }
        return respond(imports.importCsv(bytes, dryRun, partial));
    }

    @PostMapping(value = "/import-jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    @Operation(summary = "Import products from CSV in the background (multipart part 'file'): 202 with the job",
            description = "The same import as POST /import (dryRun, partial), run as a job: poll GET /api/v1/jobs/{id} "
                    + "(Location) for its progress in products; its result is the import report, per-line errors "
                    + "included (written=false when a line is invalid and the import is not partial).")
    ResponseEntity<JobView> importJob(@RequestPart(name = "file", required = false) MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean partial) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.field("file", "is required (a CSV file in the multipart part 'file')");
        }
        byte[] bytes = file.getBytes();
        return accepted(jobs.start(ImportPage.IMPORT_JOB, progress -> imports.importCsv(bytes, dryRun, partial, progress)));
    }

    @PostMapping("/export-jobs")
    @Operation(summary = "The catalog as CSV made in the background: 202 with the job; its file at /api/v1/jobs/{id}/file")
    ResponseEntity<JobView> exportJob(@RequestParam(defaultValue = "comma") String separator) {
        char sep = separator(separator);
        String name = "products-" + LocalDate.now() + ".csv";
        return accepted(jobs.startFile(ImportPage.EXPORT_JOB, progress -> new Jobs.File(name, exports.export(sep, progress))));
    }

    private ResponseEntity<JobView> accepted(UUID id) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(jobs.get(id));
    }

    private static char separator(String separator) {
        return switch (separator) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            default -> throw InvalidInputException.field("separator", "must be comma or semicolon");
        };
    }

    private static ResponseEntity<Object> respond(ImportReport report) {
        if (report.dryRun() || report.written()) {
            return ResponseEntity.ok(report);
        }
        int lines = (int) report.errors().stream().map(ImportReport.LineError::line).distinct().count();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "import-rejected", lines
                + (lines == 1 ? " line is" : " lines are") + " invalid; nothing was imported. Correct them, or "
                + "import with partial=true to import the valid products only.");
        problem.setTitle("Import rejected");
        problem.setProperty("errors", report.errors());
        problem.setProperty("report", report);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
