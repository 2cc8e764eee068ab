package app.comptoir.reporting.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;

import app.comptoir.platform.Csv;
import app.comptoir.platform.NotFoundException;
import app.comptoir.reporting.application.StockReport;

/** The tables of the stock statistics as CSV, exactly as the page shows them. */
final class StockCsv {

    static final java.util.List<String> TABLES = java.util.List.of("categories", "flows", "products", "slow-movers");

    private StockCsv() {
    }

    static ResponseEntity<byte[]> export(String table, StockReport report) {
        StringBuilder csv = new StringBuilder();
        switch (table.toLowerCase(Locale.ROOT)) {
            case "categories" -> {
                csv.append("category,variants,units,value_at_cost\n");
                report.categories().forEach(c -> csv.append(Csv.line(c.name(), c.variants(), c.units(), c.value())));
            }
            case "flows" -> {
                csv.append("day,units_in,units_out\n");
                report.flows().forEach(f -> csv.append(Csv.line(f.day(), f.in(), f.out())));
            }
            case "products" -> {
                csv.append("product,units,value_at_cost\n");
                report.topProducts().forEach(p -> csv.append(Csv.line(p.name(), p.units(), p.value())));
            }
            case "slow-movers" -> {
                csv.append("sku,product,on_hand,value_at_cost,last_outgoing,days_since\n");
                report.slowMovers().forEach(s -> csv.append(Csv.line(s.sku(), s.name(), s.onHand(), s.value(),
                        s.lastOutgoing(), s.daysSince())));
            }
            default -> throw new NotFoundException("Statistics table", table);
        }
        return Csv.attachment("stock-" + table.toLowerCase(Locale.ROOT), report.asOf(), csv);
    }
}
