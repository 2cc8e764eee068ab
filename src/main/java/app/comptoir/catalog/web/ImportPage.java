package app.comptoir.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import app.comptoir.platform.Exports;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TenantContext;

/**
 * The CSV import page: upload a file, check it in a dry run (the default), read the per-line report,
 * then import it for real without choosing the file again; and the catalog's CSV export.
 */
@PageController
@RequestMapping("/app/catalog")
class ImportPage {

    private static final String PAGE = "catalog/import";
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
    private final Exports downloads;

    ImportPage(ProductImports imports, ProductExports exports, CsvUploads uploads, TenantContext tenantContext,
               MessageSource messages, Exports downloads) {
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

    @GetMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
    String page(Model model) {
        model.addAttribute("dryRun", true);
        model.addAttribute("partial", false);
        return page(model, null, null);
    }

    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun,
                  @RequestParam(defaultValue = "false") boolean partial, Model model, Locale locale)
            throws IOException {
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("partial", partial);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "catalog.import.fileRequired");
            return page(model, null, null);
        }
        byte[] bytes = file.getBytes();
        ImportReport report = imports.importCsv(bytes, dryRun, partial);
        String token = null;
        if (report.dryRun() && (report.valid() || partial)) {
            token = uploads.keep(tenantContext.requireTenant(), bytes);
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return page(model, report, token, locale);
    }

    /** The real import of the file a dry run has just checked. */
    @PostMapping("/import/confirm")
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
    String confirm(@RequestParam String token, @RequestParam(defaultValue = "false") boolean partial,
                   @RequestParam(required = false) String fileName, Model model, Locale locale) {
        model.addAttribute("dryRun", false);
        model.addAttribute("partial", partial);
        model.addAttribute("fileName", fileName);
        byte[] bytes = uploads.find(tenantContext.requireTenant(), token).orElse(null);
        if (bytes == null) {
            model.addAttribute("fileError", "catalog.import.expired");
            model.addAttribute("dryRun", true);
            return page(model, null, null);
        }
        ImportReport report = imports.importCsv(bytes, false, partial);
        if (report.written()) {
            uploads.forget(tenantContext.requireTenant(), token);
        }
        return page(model, report, null, locale);
    }

    /**
     * Every product as CSV or Excel, one line per variant, in the reader's language: French spreadsheets expect
     * semicolons and decimal commas, statuses are translated; the import reads the file back as it is.
     */
    @GetMapping({"/export.csv", "/export.xlsx"})
    ResponseEntity<byte[]> export(Locale locale, HttpServletRequest request) {
        return downloads.download(Exports.Format.of(request), ProductExports.TABLE, locale, exports::rows);
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
        model.addAttribute("columns", ProductCsv.COLUMNS);
        return PAGE;
    }
}
