/**
 * Inventory: stock locations, levels per variant and location, the append-only movement ledger,
 * reservations (the API the sales module uses), alert rules, alerts and reorder suggestions.
 *
 * <p>The root package is the published API only: what other modules call ({@link
 * app.comptoir.inventory.Reservations}, {@link app.comptoir.inventory.StockMovements}, {@link
 * app.comptoir.inventory.StockQueries}, {@link app.comptoir.inventory.StockFigures}, {@link
 * app.comptoir.inventory.StockLocations}, {@link app.comptoir.inventory.StockAlerts}: late deliveries for
 * purchasing), their records and the module's events. Internals:
 * {@code web} (API and pages), {@code application} (services no other module calls: physical counts, the
 * movement journal, a variant's stock sheet, alerts, rules, thresholds, reorder suggestions, the daily
 * slow-moving job, reactions to other modules' events),
 * {@code domain} (the stock rules, framework-free), {@code persistence} (every SQL text) and {@code demo}.
 * It uses the catalog's API (variants, and the stock port it implements), identity's {@code TenantCreated}
 * (the demo stock) and the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory",
        allowedDependencies = {"catalog", "identity", "platform"})
package app.comptoir.inventory;
