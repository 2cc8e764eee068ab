/**
 * Purchasing: the suppliers a business buys from (manual contacts, or registered suppliers: businesses of kind
 * supplier with a commercial profile and a catalog on the marketplace), purchase orders from draft to delivery,
 * receipts that put goods into stock through the inventory's API and update the variants' cost through the
 * catalog's, reorder suggestions turned into draft orders, late-delivery alerts, ratings, recurring orders and
 * attachments.
 *
 * <p>The root package is the published API only (what other modules use: the module's events). Internals:
 * {@code web} (API and pages, for the buyer and for the supplier), {@code application} (services),
 * {@code domain} (the purchase order and its state machine, framework-free), {@code persistence} (every SQL
 * text) and {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Purchasing",
        allowedDependencies = {"catalog", "inventory", "identity", "platform"})
package app.comptoir.purchasing;
