package app.comptoir.reporting.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;

import app.comptoir.platform.Exports;
import app.comptoir.platform.NotFoundException;
import app.comptoir.reporting.application.SalesReport;
import app.comptoir.reporting.application.StockReport;

/**
 * The tables of the dashboard and of the stock statistics as CSV or Excel, exactly as the pages show them for
 * their period: one description of each table's rows, written in either format by {@link Exports}.
 */
final class ReportTables {

    private static final String HEADERS = "reporting.export.";

    private ReportTables() {
    }

    static ResponseEntity<byte[]> sales(Exports exports, Exports.Format format, Locale locale, String table,
                                        SalesReport.Summary summary) {
        String name = table.toLowerCase(Locale.ROOT);
        SalesReport.Period period = summary.period();
        String currency = period.currency();
        String file = name + "-" + period.from();
        return switch (name) {
            case "sales-per-day" -> exports.download(format, Exports.Table.of(file, HEADERS, "day", "orders", "net",
                    "gross"), locale, period.to(), rows -> summary.salesPerDay().forEach(d -> rows.row(d.day(),
                    d.orders(), Exports.amount(d.net(), currency), Exports.amount(d.gross(), currency))));
            case "top-quantity" -> products(exports, format, locale, file, period, summary.topProducts().byQuantity());
            case "top-revenue" -> products(exports, format, locale, file, period, summary.topProducts().byRevenue());
            case "sales-per-category" -> exports.download(format, Exports.Table.of(file, HEADERS, "category",
                    "quantity", "net"), locale, period.to(), rows -> summary.salesPerCategory().forEach(c ->
                    rows.row(c.name(), c.quantity(), Exports.amount(c.net(), currency))));
            case "orders" -> exports.download(format, Exports.Table.of(file, HEADERS, "status", "orders"), locale,
                    period.to(), rows -> summary.orders().forEach((status, count) ->
                            rows.row(Exports.code("sales.order.status.", status), count)));
            default -> throw new NotFoundException("Dashboard table", table);
        };
    }

    static ResponseEntity<byte[]> drivers(Exports exports, Exports.Format format, Locale locale,
                                          SalesReport.Period period, List<SalesReport.DriverStats> drivers) {
        return exports.download(format, Exports.Table.of("drivers-" + period.from(), HEADERS, "driver", "delivered",
                "same_day", "on_time_percent"), locale, period.to(), rows -> drivers.forEach(d ->
                rows.row(d.name(), d.delivered(), d.sameDay(), d.onTimePercent())));
    }

    static ResponseEntity<byte[]> stock(Exports exports, Exports.Format format, Locale locale, String table,
                                        StockReport report) {
        String name = table.toLowerCase(Locale.ROOT);
        String currency = report.currency();
        String file = "stock-" + name;
        return switch (name) {
            case "categories" -> exports.download(format, Exports.Table.of(file, HEADERS, "category", "variants",
                    "units", "value_at_cost"), locale, report.asOf(), rows -> report.categories().forEach(c ->
                    rows.row(c.name(), c.variants(), c.units(), Exports.amount(c.value(), currency))));
            case "flows" -> exports.download(format, Exports.Table.of(file, HEADERS, "day", "units_in", "units_out"),
                    locale, report.asOf(), rows -> report.flows().forEach(f -> rows.row(f.day(), f.in(), f.out())));
            case "products" -> exports.download(format, Exports.Table.of(file, HEADERS, "product", "units",
                    "value_at_cost"), locale, report.asOf(), rows -> report.topProducts().forEach(p ->
                    rows.row(p.name(), p.units(), Exports.amount(p.value(), currency))));
            case "slow-movers" -> exports.download(format, Exports.Table.of(file, HEADERS, "sku", "product",
                    "on_hand", "value_at_cost", "last_outgoing", "days_since"), locale, report.asOf(), rows ->
                    report.slowMovers().forEach(s -> rows.row(s.sku(), s.name(), s.onHand(),
                            Exports.amount(s.value(), currency), s.lastOutgoing(), s.daysSince())));
            default -> throw new NotFoundException("Statistics table", table);
        };
    }

    private static ResponseEntity<byte[]> products(Exports exports, Exports.Format format, Locale locale, String file,
                                                   SalesReport.Period period, List<SalesReport.ProductSales> products) {
        return exports.download(format, Exports.Table.of(file, HEADERS, "product", "quantity", "net"), locale,
                period.to(), rows -> products.forEach(p -> rows.row(p.name(), p.quantity(),
                        Exports.amount(p.net(), period.currency()))));
    }
}
