package app.comptoir.sales.application;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.platform.Exports;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.Jobs;
import app.comptoir.sales.persistence.OrderFilter;

/**
 * The orders as a CSV or Excel file, with the list's filters: made in the background for a person (a shop's
 * year is tens of thousands of orders, far longer than a request should hold a page), with its progress in
 * orders; or written straight into a response for the API's direct download.
 */
@Service
public class OrderExports {

    /** The kind of the orders' export jobs. */
    public static final String JOB = "orders-export";
    /** The orders read per query. */
    private static final int PAGE = 200;
    static final Exports.Table TABLE = Exports.Table.of("orders", "sales.export.", "number", "created_at",
            "status", "customer", "phone", "city", "driver", "lines", "net", "vat", "gross", "currency");

    private final Orders orders;
    private final Exports exports;
    private final Jobs jobs;

    OrderExports(Orders orders, Exports exports, Jobs jobs) {
        this.orders = orders;
        this.exports = exports;
        this.jobs = jobs;
    }

    /** The columns of the file. */
    public Exports.Table table() {
        return TABLE;
    }

    /** Starts the export of the orders the filter keeps in the background; returns the job at once. */
    public UUID start(OrderFilter filter, Exports.Format format, Locale locale) {
        return jobs.startFile(JOB, progress -> exports.file(format, TABLE, locale, rows -> rows(filter, rows, progress)));
    }

    /** Writes the orders the filter keeps, newest first, reporting how many are written. */
    public void rows(OrderFilter filter, Exports.Rows rows, JobProgress progress) {
        Exports.eachPage(page -> orders.list(filter, page, PAGE), PAGE, progress, o -> rows.row(o.number(),
                o.createdAt(), Exports.code("sales.order.status.", o.status()), o.customerName(), o.customerPhone(),
                o.city(), o.driverName(), o.lineCount(), Exports.amount(o.net(), o.currency()),
                Exports.amount(o.vat(), o.currency()), Exports.amount(o.gross(), o.currency()), o.currency()));
    }
}
