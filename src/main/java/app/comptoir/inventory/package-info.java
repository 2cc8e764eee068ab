/**
 * Inventory: stock locations, levels per variant and location, the append-only movement ledger,
 * reservations (the API the sales module uses), alert rules, alerts and reorder suggestions. The root
 * package is the API other modules use ({@link app.comptoir.inventory.Reservations},
 * {@link app.comptoir.inventory.StockQueries}, the records and the events); sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package app.comptoir.inventory;
