package app.comptoir.sales.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.sales.application.CustomerImports;

/**
 * The customer import page: upload a CSV file, check it in a dry run (the default), read the per-line report in
 * the reader's language, then send it again without the dry run to create the customers.
 */
@PageController
@RequestMapping("/app/sales/customers/import")
@PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
class CustomerImportPage {

    private static final String VIEW = "sales/customers/import";

    private final CustomerImports imports;
    private final MessageSource messages;

    CustomerImportPage(CustomerImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** An error of the report as the page shows it: line, column and a message in the reader's language. */
    record ErrorLine(int line, String column, String message) {
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("dryRun", true);
        model.addAttribute("columns", CustomerImports.COLUMNS);
        return VIEW;
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model, Locale locale) throws IOException {
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("columns", CustomerImports.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "sales.customers.import.noFile");
            return VIEW;
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        CustomerImports.Report report;
        try {
            report = imports.importCsv(file.getBytes(), dryRun);
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", "sales.customers.import.emptyFile");
            return VIEW;
        }
        List<ErrorLine> errors = report.errors().stream().map(e -> new ErrorLine(e.line(),
                e.column() == null ? "" : e.column(), FormErrors.message(messages, e.column(), e.message(), locale)))
                .toList();
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLines", report.errors().stream().map(CustomerImports.LineError::line).distinct().count());
        // After a successful import, the next upload is a new file: back to a dry run.
        model.addAttribute("dryRun", dryRun || !report.written());
        return VIEW;
    }
}
