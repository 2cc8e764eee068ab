package app.comptoir.purchasing.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.Exports;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.PageRequests;
import app.comptoir.purchasing.persistence.PurchaseOrderFilter;

/** The suppliers and the purchase orders as CSV or Excel files, with the filters of their lists. */
@Service
@Transactional(readOnly = true)
public class PurchasingExports {

    /** The suppliers' file: one row per live supplier, favourites first then by name. */
    public static final Exports.Table SUPPLIERS = Exports.Table.of("fournisseurs", "purchasing.export.col.", "name",
            "contactName", "phone", "email", "address", "city", "favourite", "registered", "notes", "id");

    /** The purchase orders' file: one row per order, newest first. */
    public static final Exports.Table ORDERS = Exports.Table.of("commandes-fournisseurs", "purchasing.export.col.",
            "number", "supplier", "status", "total", "currency", "expectedOn", "createdAt", "sentAt", "connected", "id");

    private final Suppliers suppliers;
    private final PurchaseOrders orders;

    PurchasingExports(Suppliers suppliers, PurchaseOrders orders) {
        this.suppliers = suppliers;
        this.orders = orders;
    }

    /** Writes the suppliers matching the list's filters. */
    public void suppliers(String q, boolean favouritesOnly, Exports.Rows rows) {
        Exports.eachPage(page -> suppliers.list(q, favouritesOnly, page, PageRequests.MAX_SIZE), PageRequests.MAX_SIZE,
                JobProgress.NONE, s -> rows.row(s.name(), s.contactName(), s.phone(), s.email(), s.address(), s.city(),
                        s.favourite(), s.registered(), s.notes(), s.id().toString()));
    }

    /** Writes the purchase orders matching the list's filters. */
    public void orders(PurchaseOrderFilter filter, Exports.Rows rows) {
        Exports.eachPage(page -> orders.search(filter, page, PageRequests.MAX_SIZE), PageRequests.MAX_SIZE,
                JobProgress.NONE, o -> rows.row(o.number(), o.supplierName(), Exports.code(STATUS, o.status()),
                        Exports.amount(o.total(), o.currency()), o.currency(), o.expectedOn(), o.createdAt(),
                        o.sentAt(), o.connected(), o.id().toString()));
    }

    private static final String STATUS = "purchasing.status.";
}
