package app.comptoir.sales.domain;

/**
 * What a workflow step means for the order's stock. The aggregate decides it; the use case performs it
 * through inventory's published API in the same transaction, because stock that an order holds must be
 * reserved or given back atomically with the order's own change (an event after commit could oversell).
 */
public enum StockEffect {
    /** Nothing moves (preparing, delivering, cancelling a draft). */
    NONE,
    /** Reserve every line, all or nothing (confirming). */
    RESERVE,
    /** Give the reservation back (cancelling a confirmed or preparing order). */
    RELEASE,
    /** Turn the reservation into sold stock (going out for delivery). */
    COMMIT,
    /** Put the goods back on the shelf (cancelling an order that was out for delivery). */
    RESTOCK
}
