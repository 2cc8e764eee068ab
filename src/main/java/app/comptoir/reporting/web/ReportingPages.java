package app.comptoir.reporting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.PageController;
import app.comptoir.reporting.StockReport;
import app.comptoir.reporting.StockStatistics;

/** The stock statistics page: charts, tables and the CSV of each table. */
@PageController
@RequestMapping("/app/reporting")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER','VIEWER')")
class ReportingPages {

    /** The periods offered for the daily flows and the slow movers, in days. */
    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final StockStatistics statistics;
    private final MessageSource messages;
    private final JsonMapper json;

    ReportingPages(StockStatistics statistics, MessageSource messages, JsonMapper json) {
        this.statistics = statistics;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/stock")
    String stock(@RequestParam(defaultValue = "30") String days, @RequestParam(defaultValue = "30") String slowDays,
                 Model model, Locale locale) {
        int period = period(days);
        int slow = period(slowDays);
        StockReport report = statistics.report(period, slow);
        model.addAttribute("report", report);
        model.addAttribute("days", period);
        model.addAttribute("slowDays", slow);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("charts", charts(report, locale));
        return "reporting/stock";
    }

    @GetMapping("/stock/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(defaultValue = "30") String days,
                               @RequestParam(defaultValue = "30") String slowDays) {
        return StockCsv.export(table, statistics.report(period(days), period(slowDays)));
    }

    /** Chart.js configurations (data only; the look is set in {@code /js/charts.js}), as JSON per canvas. */
    private Map<String, String> charts(StockReport report, Locale locale) {
        StockReport.StockState state = report.state();
        Map<String, Object> status = chart("doughnut",
                List.of(text("reporting.stock.out", locale), text("reporting.stock.low", locale),
                        text("reporting.stock.overstock", locale), text("reporting.stock.healthy", locale)),
                List.of(dataset(text("reporting.stock.variants", locale),
                        List.of(state.out(), state.low(), state.overstock(), state.healthy()))));
        Map<String, Object> flows = chart("bar", report.flows().stream().map(f -> f.day().toString()).toList(),
                List.of(dataset(text("reporting.stock.in", locale), report.flows().stream().map(f -> f.in()).toList()),
                        dataset(text("reporting.stock.outgoing", locale),
                                report.flows().stream().map(f -> f.out()).toList())));
        Map<String, Object> categories = chart("bar",
                report.categories().stream().map(c -> c.name() == null ? text("reporting.stock.uncategorised", locale)
                        : c.name()).toList(),
                List.of(dataset(text("reporting.stock.value", locale),
                        report.categories().stream().map(c -> c.value()).toList())));
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("status", json.writeValueAsString(status));
        charts.put("flows", json.writeValueAsString(flows));
        charts.put("categories", json.writeValueAsString(categories));
        return charts;
    }

    private static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
        return Map.of("type", type, "data", Map.of("labels", labels, "datasets", datasets));
    }

    private static Map<String, Object> dataset(String label, List<? extends Object> data) {
        return Map.of("label", label, "data", data);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Periods come from a URL anyone can edit: anything but an offered period means the default. */
    private static int period(String value) {
        try {
            int days = Integer.parseInt(value.strip());
            return PERIODS.contains(days) ? days : 30;
        } catch (NumberFormatException e) {
            return 30;
        }
    }
}
