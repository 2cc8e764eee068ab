package app.comptoir.catalog.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.catalog.application.ImportReport;
import app.comptoir.catalog.application.ProductCsv;
import app.comptoir.catalog.application.ProductExports;
import app.comptoir.catalog.application.ProductImports;
import app.comptoir.platform.BusinessPrices;
import app.comptoir.platform.Exports;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TenantContext;

/**
 * The CSV import page: upload a file, check it in a dry run (the default), read the per-line report,
 * then import it for real without choosing the file again; and the catalog's CSV export. Imports (and the
 * export's button) run as background jobs: the page follows the job with a progress bar that survives a
 * reload, its buttons waiting, and shows the report (or the download link) at the end.
 */
@PageController
@RequestMapping("/app/catalog")
class ImportPage {

    private static final String PAGE = "catalog/import";
    /** The kinds of this page's background jobs. */
    static final String IMPORT_JOB = "catalog-import";
    static final String EXPORT_JOB = "catalog-export";
    /** The form's name of a CSV column, so that the product page's translated messages serve here too. */
    private static final Map<String, String> FIELDS = Map.of(ProductCsv.SKU, "variants.sku",
            ProductCsv.BARCODE, "variants.barcode", ProductCsv.PRICE, "variants.price",
            ProductCsv.COMPARE_AT_PRICE, "variants.compareAtPrice", ProductCsv.COST, "variants.cost",
            ProductCsv.WEIGHT, "variants.weight", ProductCsv.VAT_RATE, "vatRate", ProductCsv.CATEGORY, "categoryId");

    private final ProductImports imports;
    private final ProductExports exports;
    private final CsvUploads uploads;
    private final TenantContext tenantContext;
    private final MessageSource messages;
    private final BusinessPrices prices;
    private final Jobs jobs;
    private final Exports downloads;

    ImportPage(ProductImports imports, ProductExports exports, CsvUploads uploads, TenantContext tenantContext,
               MessageSource messages, BusinessPrices prices, Jobs jobs, Exports downloads) {
        this.prices = prices;
        this.jobs = jobs;
        this.downloads = downloads;
        this.imports = imports;
        this.exports = exports;
        this.uploads = uploads;
        this.tenantContext = tenantContext;
        this.messages = messages;
    }

    /** An error of the report as the page shows it: line, column and a message in the reader's language. */
    record ErrorLine(int line, String column, String message) {
    }

    /** What an import job leaves for the page: the report, and the token of a file ready to import for real. */
    record ImportJobResult(ImportReport report, String token, String fileName, boolean partial) {
    }

    /**
     * The page; with {@code job}, that import's progress bar while it runs (the page polls it, the buttons
     * wait) and its report once it is done. Without, the business's import still running, if any, so that
     * a reload or another tab finds it.
     */
    @GetMapping("/import")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String page(@RequestParam(required = false) UUID job, @RequestParam(required = false) UUID export, Model model,
                Locale locale) {
        model.addAttribute("dryRun", true);
        model.addAttribute("partial", false);
        if (export != null) {
            model.addAttribute("exportJob", jobs.get(export));
        }
        if (job == null) {
            Optional<JobView> running = jobs.running(IMPORT_JOB);
            if (running.isPresent()) {
                return "redirect:/app/catalog/import?job=" + running.get().id();
            }
            return page(model, null, null);
        }
        JobView view = jobs.get(job);
        if (!IMPORT_JOB.equals(view.kind())) {
            throw new NotFoundException("import", job);
        }
        if (view.running() || view.status() == JobView.Status.FAILED) {
            model.addAttribute("importJob", view);
            return page(model, null, null);
        }
        ImportJobResult result = jobs.result(view, ImportJobResult.class);
        model.addAttribute("dryRun", result.report().dryRun());
        model.addAttribute("partial", result.partial());
        model.addAttribute("fileName", result.fileName());
        return page(model, result.report(), result.token(), locale);
    }

    @PostMapping("/import")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun,
                  @RequestParam(defaultValue = "false") boolean partial, Model model) throws IOException {
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("partial", partial);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "catalog.import.fileRequired");
            return page(model, null, null);
        }
        byte[] bytes = file.getBytes();
        String fileName = file.getOriginalFilename();
        UUID tenant = tenantContext.requireTenant();
        UUID job = jobs.start(IMPORT_JOB, progress -> {
            ImportReport report = imports.importCsv(bytes, dryRun, partial, progress);
            String token = report.dryRun() && (report.valid() || partial) ? uploads.keep(tenant, bytes) : null;
            return new ImportJobResult(report, token, fileName, partial);
        });
        return "redirect:/app/catalog/import?job=" + job;
    }

    /** The real import of the file a dry run has just checked. */
    @PostMapping("/import/confirm")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String confirm(@RequestParam String token, @RequestParam(defaultValue = "false") boolean partial,
                   @RequestParam(required = false) String fileName, Model model) {
        model.addAttribute("dryRun", false);
        model.addAttribute("partial", partial);
        model.addAttribute("fileName", fileName);
        UUID tenant = tenantContext.requireTenant();
        byte[] bytes = uploads.find(tenant, token).orElse(null);
        if (bytes == null) {
            model.addAttribute("fileError", "catalog.import.expired");
            model.addAttribute("dryRun", true);
            return page(model, null, null);
        }
        UUID job = jobs.start(IMPORT_JOB, progress -> {
            ImportReport report = imports.importCsv(bytes, false, partial, progress);
            if (report.written()) {
                uploads.forget(tenant, token);
            }
            return new ImportJobResult(report, null, fileName, partial);
        });
        return "redirect:/app/catalog/import?job=" + job;
    }

    /** The catalog's CSV made in the background: the page shows its progress, then the download link. */
    @PostMapping("/export")
    String exportInBackground(Locale locale) {
        String name = "catalogue-" + LocalDate.now() + ".csv";
        UUID job = jobs.startFile(EXPORT_JOB, progress -> new Jobs.File(name, ("\ufeff" + downloads.csvText(
                exports.table(), locale, rows -> exports.rows(rows, progress))).getBytes(StandardCharsets.UTF_8)));
        return "redirect:/app/catalog/import?export=" + job;
    }

    /**
     * Every product as CSV or Excel, one line per variant, in the reader's language: French spreadsheets expect
     * semicolons and decimal commas, statuses are translated; the import reads the file back as it is.
     */
    @GetMapping({"/export.csv", "/export.xlsx"})
    ResponseEntity<byte[]> export(Locale locale, HttpServletRequest request) {
        return downloads.download(Exports.Format.of(request), exports.table(), locale, exports::rows);
    }

    private String page(Model model, ImportReport report, String token, Locale locale) {
        List<ErrorLine> errors = report.errors().stream().map(e -> new ErrorLine(e.line(),
                e.field() == null ? "" : e.field(), message(e, locale))).toList();
        model.addAttribute("errors", errors);
        model.addAttribute("errorLines", report.errors().stream().map(ImportReport.LineError::line).distinct().count());
        return page(model, report, token);
    }

    /** The import's message in the reader's language, when the bundles know it (else as the import wrote it). */
    private String message(ImportReport.LineError error, Locale locale) {
        String field = error.field() == null ? "csv" : FIELDS.getOrDefault(error.field(), error.field());
        // A line number is an argument of the message, not part of its wording.
        String message = error.message() == null ? "" : error.message().replaceAll("on line (\\d+)", "on line '$1'");
        DefaultMessageSourceResolvable text = CatalogFormErrors.message(field, message);
        return messages.getMessage(new DefaultMessageSourceResolvable(text.getCodes(), text.getArguments(),
                error.message()), locale);
    }

    private String page(Model model, ImportReport report, String token) {
        model.addAttribute("report", report);
        model.addAttribute("token", token);
        model.addAttribute("columns", ProductCsv.columns(prices.includeVat()));
        return PAGE;
    }
}
