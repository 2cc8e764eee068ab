/**
 * Reporting: statistics and dashboards computed from the other modules' published figures
 * ({@code SalesFigures}, {@code CatalogFigures}, {@code StockFigures}), never from their tables. No other
 * module uses it, so its root publishes nothing: {@code application} computes the reports (and caches them
 * per node), {@code domain} holds the departments the figures are grouped by, {@code web} serves the JSON
 * API, the pages and the CSV exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"platform", "identity", "catalog", "inventory", "sales"})
package app.comptoir.reporting;
