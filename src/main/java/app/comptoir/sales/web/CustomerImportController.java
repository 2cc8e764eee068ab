package app.comptoir.sales.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.Problems;
import app.comptoir.sales.application.CustomerImports;

/** Customers imported from CSV, with a dry run and a per-line error report (as products are). */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Sales: customers")
@PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
class CustomerImportController {

    /** The same limit as a multipart upload. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The kind of the customer import's background jobs (the page finds a running one by it). */
    static final String IMPORT_JOB = "customer-import";

    private final CustomerImports imports;
    private final Jobs jobs;

    CustomerImportController(CustomerImports imports, Jobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @PostMapping(value = "/import-jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import customers from CSV in the background (multipart part 'file'): 202 with the job",
            description = "The same import as POST /import (dryRun), run as a job: poll GET /api/v1/jobs/{id} "
                    + "(Location) for its progress in lines; its result is the import report, per-line errors "
                    + "included (written=false when a line is invalid).")
    ResponseEntity<JobView> importJob(@RequestPart(name = "file", required = false) MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.field("file", "is required (a CSV file in the multipart part 'file')");
        }
        byte[] bytes = file.getBytes();
        UUID id = jobs.start(IMPORT_JOB, progress -> imports.importCsv(bytes, dryRun, progress));
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(jobs.get(id));
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import customers from CSV (multipart part 'file'), one a line with an optional address",
            description = "Columns (English or French names; comma, semicolon or tab): name (required), kind "
                    + "(PERSON or COMPANY), email, phone, notes, address, address_2, postal_code, city, country. "
                    + "dryRun=true checks every line and reports without writing. When a line is invalid nothing "
                    + "is written (400 import-rejected with the per-line errors).")
    ResponseEntity<Object> importFile(@RequestPart(name = "file", required = false) MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.field("file", "is required (a CSV file in the multipart part 'file')");
        }
        return respond(imports.importCsv(file.getBytes(), dryRun));
    }

    @PostMapping(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import customers from a CSV request body (same rules as the multipart form)")
    ResponseEntity<Object> importBody(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new MaxUploadSizeExceededException(MAX_BYTES);
        }
        return respond(imports.importCsv(bytes, dryRun));
    }

    private static ResponseEntity<Object> respond(CustomerImports.Report report) {
        if (report.dryRun() || report.written()) {
            return ResponseEntity.ok(report);
        }
        int lines = (int) report.errors().stream().map(CustomerImports.LineError::line).distinct().count();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "import-rejected", lines
                + (lines == 1 ? " line is" : " lines are") + " invalid; nothing was imported. Correct them and "
                + "import the file again.");
        problem.setTitle("Import rejected");
        problem.setProperty("errors", report.errors());
        problem.setProperty("report", report);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
