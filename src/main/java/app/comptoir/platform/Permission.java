package app.comptoir.platform;

/**
 * A business act a role may be allowed to perform. The services ask {@link Permissions#require} for one at
 * the start of each use case, so the API, the web screens and any future entry point share the decision.
 */
public enum Permission {
    /** Read the catalog, stock, orders, quotes, customers, alerts and the drivers list. */
    READ,
    /** Create and change products, variants, pictures, options; import the catalog. */
    CATALOG_WRITE,
    /** Delete (archive) a product. */
    PRODUCT_DELETE,
    /** Create, change, move and delete categories. */
    CATEGORY_WRITE,
    /** Record stock movements, counts, transfers, reservations, locations and alert rules. */
    STOCK_WRITE,
    /** Mark alerts read and dismiss them, for the whole business. */
    ALERTS_MANAGE,
    /** Create, change, confirm, move, cancel orders and quotes; assign drivers; record returns. */
    ORDERS_WRITE,
    /** Take one's own assigned orders out for delivery and mark them delivered. */
    DELIVERIES,
    /** Create and change customers and their addresses. */
    CUSTOMERS_WRITE,
    /** Create, change, disable and delete users. */
    USERS_MANAGE,
    /** Change the business's settings and its role matrix. */
    SETTINGS_MANAGE,
    /** Read the audit trail. */
    AUDIT_READ,
    /** Buy: suppliers, purchase orders, receipts into stock, ratings; for a supplier business, its catalog and the orders it receives. */
    PURCHASES_WRITE,
    /** Set up bookable services, resources, opening hours and holidays; book, move and cancel appointments, record no-shows and walk-ins. */
    BOOKINGS_WRITE,
    /** Check vehicles in, confirm scanned registration documents, run checklists, complete inspections and issue their documents. */
    INSPECTIONS_WRITE,
    /** Record payments received on site (cash, card terminal, transfer, cheque) and send online payment links. */
    PAYMENTS_RECORD,
    /** Refund a payment, online or on site. */
    PAYMENTS_REFUND
}
