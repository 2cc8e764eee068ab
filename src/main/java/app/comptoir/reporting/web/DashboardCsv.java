package app.comptoir.reporting.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;

import app.comptoir.platform.Csv;
import app.comptoir.platform.NotFoundException;
import app.comptoir.reporting.application.SalesReport;

/** The tables of the dashboard as CSV, exactly as the page shows them for its period. */
final class DashboardCsv {

    private DashboardCsv() {
    }

    static ResponseEntity<byte[]> export(String table, SalesReport.Summary summary) {
        StringBuilder csv = new StringBuilder();
        switch (table.toLowerCase(Locale.ROOT)) {
            case "sales-per-day" -> {
                csv.append("day,orders,net,gross\n");
                summary.salesPerDay().forEach(d -> csv.append(Csv.line(d.day(), d.orders(), d.net(), d.gross())));
            }
            case "top-quantity" -> products(csv, summary.topProducts().byQuantity());
            case "top-revenue" -> products(csv, summary.topProducts().byRevenue());
            case "sales-per-category" -> {
                csv.append("category,quantity,net\n");
                summary.salesPerCategory().forEach(c -> csv.append(Csv.line(c.name(), c.quantity(), c.net())));
            }
            case "orders" -> {
                csv.append("status,orders\n");
                summary.orders().forEach((status, count) -> csv.append(Csv.line(status, count)));
            }
            default -> throw new NotFoundException("Dashboard table", table);
        }
        SalesReport.Period period = summary.period();
        return Csv.attachment(table.toLowerCase(Locale.ROOT) + "-" + period.from(), period.to(), csv);
    }

    static ResponseEntity<byte[]> drivers(SalesReport.Period period, List<SalesReport.DriverStats> drivers) {
        StringBuilder csv = new StringBuilder("driver,delivered,same_day,on_time_percent\n");
        drivers.forEach(d -> csv.append(Csv.line(d.name(), d.delivered(), d.sameDay(), d.onTimePercent())));
        return Csv.attachment("drivers-" + period.from(), period.to(), csv);
    }

    private static void products(StringBuilder csv, List<SalesReport.ProductSales> products) {
        csv.append("product,quantity,net\n");
        products.forEach(p -> csv.append(Csv.line(p.name(), p.quantity(), p.net())));
    }
}
