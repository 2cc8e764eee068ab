package app.comptoir.purchasing.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.Exports;
import app.comptoir.purchasing.application.PurchasingExports;
import app.comptoir.purchasing.domain.PurchaseOrderStatus;
import app.comptoir.purchasing.persistence.PurchaseOrderFilter;

/** The suppliers and purchase orders as CSV or Excel downloads, with their lists' filters. */
@RestController
class PurchasingExportController {

    private final PurchasingExports purchasingExports;
    private final Exports exports;

    PurchasingExportController(PurchasingExports purchasingExports, Exports exports) {
        this.purchasingExports = purchasingExports;
        this.exports = exports;
    }

    @GetMapping({"/api/v1/suppliers/export.csv", "/api/v1/suppliers/export.xlsx"})
    @Operation(summary = "The suppliers as CSV or Excel (.xlsx), same filters as the list (q, favourite)",
            description = "lang=fr or en writes the file for people (translated columns; in French, semicolons); "
                    + "without it the CSV keeps its machine columns.")
    ResponseEntity<byte[]> suppliers(@RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "false") boolean favourite,
                                     @RequestParam(required = false) String lang, HttpServletRequest request) {
        return exports.download(Exports.Format.of(request), PurchasingExports.SUPPLIERS, Exports.language(lang),
                rows -> purchasingExports.suppliers(q, favourite, rows));
    }

    @GetMapping({"/api/v1/purchase-orders/export.csv", "/api/v1/purchase-orders/export.xlsx"})
    @Operation(summary = "The purchase orders as CSV or Excel (.xlsx), same filters as the list",
            description = "from, to (creation days, inclusive), status, supplierId, q; lang=fr or en for people.")
    ResponseEntity<byte[]> orders(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) PurchaseOrderStatus status,
                                  @RequestParam(required = false) UUID supplierId, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String lang, HttpServletRequest request) {
        return exports.download(Exports.Format.of(request), PurchasingExports.ORDERS, Exports.language(lang),
                rows -> purchasingExports.orders(new PurchaseOrderFilter(from, to, status, supplierId, q), rows));
    }
}
