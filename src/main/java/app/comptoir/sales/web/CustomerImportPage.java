package app.comptoir.sales.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.platform.Csv;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.sales.application.CustomerImports;

/**
 * The customer import page: upload a CSV file, check it in a dry run (the default), read the per-line report in
 * the reader's language, then send it again without the dry run to create the customers. The file is read in
 * a background job: the page follows it with a progress bar that survives a reload (its button waiting) and
 * shows the report when it ends, as the product import does.
 */
@PageController
@RequestMapping("/app/sales/customers/import")
@PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
class CustomerImportPage {

    private static final String VIEW = "sales/customers/import";
    private static final String PATH = "/app/sales/customers/import";

    private final CustomerImports imports;
    private final MessageSource messages;
    private final Jobs jobs;

    CustomerImportPage(CustomerImports imports, MessageSource messages, Jobs jobs) {
        this.imports = imports;
        this.messages = messages;
        this.jobs = jobs;
    }

    /** An error of the report as the page shows it: line, column and a message in the reader's language. */
    record ErrorLine(int line, String column, String message) {
    }

    /** What an import job leaves for the page: the report and the name of the file it read. */
    record ImportJobResult(CustomerImports.Report report, String fileName) {
    }

    /**
     * The page; with {@code job}, that import's progress bar while it runs (the page polls it) and its report
     * once done. Without, the business's customer import still running, if any, so a reload or another tab
     * finds it.
     */
    @GetMapping
    String page(@RequestParam(required = false) UUID job, Model model, Locale locale) {
        model.addAttribute("dryRun", true);
        model.addAttribute("columns", CustomerImports.COLUMNS);
        if (job == null) {
            Optional<JobView> running = jobs.running(CustomerImportController.IMPORT_JOB);
            return running.map(r -> "redirect:" + PATH + "?job=" + r.id()).orElse(VIEW);
        }
        JobView view = jobs.get(job);
        if (!CustomerImportController.IMPORT_JOB.equals(view.kind())) {
            throw new NotFoundException("import", job);
        }
        ImportJobResult result = jobs.result(view, ImportJobResult.class);
        if (view.running() || result == null) {
            model.addAttribute("importJob", view);
            return VIEW;
        }
        CustomerImports.Report report = result.report();
        model.addAttribute("fileName", result.fileName());
        List<ErrorLine> errors = report.errors().stream().map(e -> new ErrorLine(e.line(),
                e.column() == null ? "" : e.column(), FormErrors.message(messages, e.column(), e.message(), locale)))
                .toList();
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLines", report.errors().stream().map(CustomerImports.LineError::line).distinct().count());
        // After a successful import, the next upload is a new file: back to a dry run.
        model.addAttribute("dryRun", report.dryRun() || !report.written());
        return VIEW;
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("columns", CustomerImports.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "sales.customers.import.noFile");
            return VIEW;
        }
        byte[] bytes = file.getBytes();
        if (Csv.decode(bytes).isBlank()) {
            model.addAttribute("fileError", "sales.customers.import.emptyFile");
            return VIEW;
        }
        String fileName = file.getOriginalFilename();
        UUID job = jobs.start(CustomerImportController.IMPORT_JOB,
                progress -> new ImportJobResult(imports.importCsv(bytes, dryRun, progress), fileName));
        return "redirect:" + PATH + "?job=" + job;
    }
}
