package app.comptoir.purchasing.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.purchasing.application.PurchaseStatistics;

/** Purchasing statistics: supplier reliability and spending. */
@RestController
class PurchaseStatisticsController {

    private final PurchaseStatistics statistics;

    PurchaseStatisticsController(PurchaseStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/purchasing/statistics")
    @Operation(summary = "Supplier reliability and spending this month and this quarter",
            description = "Per supplier: delivered orders with an expected date, how many on time (delivered, in "
                    + "the business's time zone, on or before the expected date), the percentage and the average "
                    + "delay in days (early counts as 0); spending = received quantity × unit cost of the receipts "
                    + "made this month and this quarter. Totals over every supplier.")
    PurchaseStatistics.Statistics statistics() {
        return statistics.now();
    }
}
