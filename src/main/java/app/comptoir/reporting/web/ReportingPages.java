package app.comptoir.reporting.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.Exports;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.reporting.application.HomeFigures;
import app.comptoir.reporting.application.SalesDashboard;
import app.comptoir.reporting.application.SalesReport;
import app.comptoir.reporting.application.StockReport;
import app.comptoir.reporting.application.StockStatistics;

/** The stock statistics page: charts, tables and the CSV of each table. */
@PageController
@RequestMapping("/app/reporting")
@PreAuthorize("@rolePermissions.has('READ')")
class ReportingPages {

    /** The periods offered for the daily flows and the slow movers, in days. */
    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final StockStatistics statistics;
    private final SalesDashboard dashboard;
    private final HomeFigures home;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Exports exports;

    ReportingPages(StockStatistics statistics, SalesDashboard dashboard, HomeFigures home, MessageSource messages,
                   JsonMapper json, Exports exports) {
        this.exports = exports;
        this.statistics = statistics;
        this.home = home;
        this.dashboard = dashboard;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String dashboard(@RequestParam(defaultValue = "30") String period, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, Model model, Locale locale) {
        Choice choice = choose(period, from, to);
        if (choice.error() != null) {
            model.addAttribute("periodError", text(choice.error(), locale));
        }
        SalesReport.Summary summary = dashboard.summary(choice.period(), SalesDashboard.DEFAULT_TOP);
        model.addAttribute("summary", summary);
        model.addAttribute("choice", choice);
        model.addAttribute("query", choice.query());
        model.addAttribute("charts", dashboardCharts(summary, locale));
        model.addAttribute("drivers", dashboard.drivers(choice.period()));
        model.addAttribute("payments", dashboard.payments());
        // The stock-outs the banner and the card show: the count of the alerts page and the home page.
        model.addAttribute("stockOuts", home.stockOuts());
        return "reporting/dashboard";
    }

    @GetMapping({"/{table}.csv", "/{table}.xlsx"})
    ResponseEntity<byte[]> dashboardTable(@PathVariable String table, @RequestParam(defaultValue = "30") String period,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to, Locale locale,
                                          HttpServletRequest request) {
        Choice choice = choose(period, from, to);
        Exports.Format format = Exports.Format.of(request);
        if ("drivers".equals(table)) {
            return ReportTables.drivers(exports, format, locale, choice.period(), dashboard.drivers(choice.period()));
        }
        return ReportTables.sales(exports, format, locale, table,
                dashboard.summary(choice.period(), SalesDashboard.DEFAULT_TOP));
    }

    /** The period the page shows: one of the offered ones, or a custom range; {@code error}: why the asked one was not. */
    record Choice(String key, SalesReport.Period period, String from, String to, String error) {

        String query() {
            return "?period=" + key + ("custom".equals(key) ? "&from=" + from + "&to=" + to : "");
        }
    }

    private Choice choose(String period, String from, String to) {
        String key = period == null ? "30" : period.strip();
        switch (key) {
            case "7", "30", "90" -> {
                LocalDate today = dashboard.period(null, null).to();
                return new Choice(key, dashboard.period(today.minusDays(Integer.parseInt(key) - 1L), today),
                        null, null, null);
            }
            case "month" -> {
                SalesReport.Period today = dashboard.period(null, null);
                return new Choice(key, dashboard.period(today.to().withDayOfMonth(1), today.to()), null, null, null);
            }
            case "custom" -> {
                try {
                    LocalDate start = LocalDate.parse(from == null ? "" : from.strip());
                    LocalDate end = LocalDate.parse(to == null ? "" : to.strip());
                    return new Choice(key, dashboard.period(start, end), start.toString(), end.toString(), null);
                } catch (DateTimeParseException e) {
                    return fallback("reporting.dashboard.badDates");
                } catch (InvalidInputException e) {
                    return fallback("reporting.dashboard.badRange");
                }
            }
            default -> {
                return fallback(null);
            }
        }
    }

    private Choice fallback(String error) {
        return new Choice("30", dashboard.period(null, null), null, null, error);
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
        model.addAttribute("stockOuts", home.stockOuts());
        return "reporting/stock";
    }

    @GetMapping({"/stock/{table}.csv", "/stock/{table}.xlsx"})
    ResponseEntity<byte[]> stockTable(@PathVariable String table, @RequestParam(defaultValue = "30") String days,
                                      @RequestParam(defaultValue = "30") String slowDays, Locale locale,
                                      HttpServletRequest request) {
        return ReportTables.stock(exports, Exports.Format.of(request), locale, table,
                statistics.report(period(days), period(slowDays)));
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
        Map<String, Object> categories = money(report.currency(), horizontal(chart("bar",
                report.categories().stream().map(c -> c.name() == null ? text("reporting.stock.uncategorised", locale)
                        : c.name()).toList(),
                List.of(dataset(text("reporting.stock.value", locale),
                        report.categories().stream().map(c -> c.value()).toList())))));
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("status", json.writeValueAsString(status));
        charts.put("flows", json.writeValueAsString(flows));
        charts.put("categories", json.writeValueAsString(categories));
        return charts;
    }

    private Map<String, String> dashboardCharts(SalesReport.Summary summary, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        String currency = summary.period().currency();
        charts.put("sales", json.writeValueAsString(money(currency, chart("bar",
                summary.salesPerDay().stream().map(d -> d.day().toString()).toList(),
                List.of(dataset(text("reporting.dashboard.gross", locale),
                        summary.salesPerDay().stream().map(SalesReport.Day::gross).toList()))))));
        charts.put("categories", json.writeValueAsString(money(currency, horizontal(chart("bar",
                summary.salesPerCategory().stream().map(c -> c.name() == null
                        ? text("reporting.stock.uncategorised", locale) : c.name()).toList(),
                List.of(dataset(text("reporting.dashboard.net", locale),
                        summary.salesPerCategory().stream().map(SalesReport.CategorySales::net).toList())))))));
        List<String> statuses = summary.orders().keySet().stream()
                .map(s -> text("reporting.status." + s.name(), locale)).toList();
        charts.put("orders", json.writeValueAsString(chart("doughnut", statuses,
                List.of(dataset(text("reporting.dashboard.orders", locale),
                        List.copyOf(summary.orders().values()))))));
        StockReport.StockState state = summary.stockState();
        charts.put("stock", json.writeValueAsString(chart("doughnut",
                List.of(text("reporting.stock.out", locale), text("reporting.stock.low", locale),
                        text("reporting.stock.overstock", locale), text("reporting.stock.healthy", locale)),
                List.of(dataset(text("reporting.stock.variants", locale),
                        List.of(state.out(), state.low(), state.overstock(), state.healthy()))))));
        return charts;
    }

    private static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
        return Map.of("type", type, "data", Map.of("labels", labels, "datasets", datasets));
    }

    /** Bars along the vertical axis: category names read better that way. */
    private static Map<String, Object> horizontal(Map<String, Object> chart) {
        Map<String, Object> copy = new LinkedHashMap<>(chart);
        copy.put("horizontal", true);
        return copy;
    }

    /** Values that are amounts in the currency: /js/charts.js writes them as such ("1 500 €"). */
    private static Map<String, Object> money(String currency, Map<String, Object> chart) {
        Map<String, Object> copy = new LinkedHashMap<>(chart);
        copy.put("currency", currency == null ? "EUR" : currency);
        return copy;
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
