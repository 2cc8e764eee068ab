package app.comptoir.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.Exports;
import app.comptoir.reporting.application.StockReport;
import app.comptoir.reporting.application.StockStatistics;

/** Stock statistics and the stock part of the dashboard, as JSON and CSV. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reporting")
@PreAuthorize("@rolePermissions.has('READ')")
class StockStatisticsController {

    private final StockStatistics statistics;
    private final Exports exports;

    StockStatisticsController(StockStatistics statistics, Exports exports) {
        this.statistics = statistics;
        this.exports = exports;
    }

    @GetMapping("/statistics/stock")
    @Operation(summary = "Stock statistics: state, value and units per top-level category, units in/out per day, "
            + "top products by value, slow movers",
            description = "days: the period of the daily flows (1-366, default 30, ending today in the business's "
                    + "time zone). slowDays: a variant with stock and no outgoing movement (sale or exit) for that "
                    + "many days is a slow mover (default 30). Values are units on hand times the variant's cost.")
    StockReport stock(@RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "30") int slowDays) {
        return statistics.report(days, slowDays);
    }

    @GetMapping("/dashboard/stock-state")
    @Operation(summary = "Variants out of stock, low, overstocked and healthy, and the stock value at cost")
    StockReport.StockState stockState() {
        return statistics.state();
    }

    @GetMapping({"/statistics/stock/{table}.csv", "/statistics/stock/{table}.xlsx"})
    @Operation(summary = "One table of the stock statistics as CSV or Excel (.xlsx): categories, flows, "
            + "products or slow-movers (same parameters as the statistics)",
            description = "lang=fr or en writes the file for people (translated columns; in French, semicolons and "
                    + "decimal commas); without it the CSV keeps its machine columns.")
    ResponseEntity<byte[]> table(@PathVariable String table, @RequestParam(defaultValue = "30") int days,
                                 @RequestParam(defaultValue = "30") int slowDays,
                                 @RequestParam(required = false) String lang, HttpServletRequest request) {
        return ReportTables.stock(exports, Exports.Format.of(request), Exports.language(lang), table,
                statistics.report(days, slowDays));
    }
}
