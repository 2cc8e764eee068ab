package app.comptoir.purchasing.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.comptoir.platform.PageController;
import app.comptoir.purchasing.application.PurchaseStatistics;

/** The purchasing statistics page. */
@PageController
class PurchaseStatisticsPages {

    private final PurchaseStatistics statistics;

    PurchaseStatisticsPages(PurchaseStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/app/purchasing/statistics")
    String page(Model model) {
        model.addAttribute("stats", statistics.now());
        return "purchasing/statistics";
    }
}
