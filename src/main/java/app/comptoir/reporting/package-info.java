/**
 * Reporting: the home page (today's work and the first-run guide), statistics and dashboards computed from
 * the other modules' published figures ({@code SalesFigures}, {@code CatalogFigures}, {@code StockFigures},
 * {@code CatalogQueries}, {@code StockQueries}, identity's {@code Tenants} and {@code Users}), never from their
 * tables. No other module uses it, so its root publishes nothing: {@code application} computes the reports
 * (and caches them per node) and the home page's figures, {@code domain} holds the departments the figures are
 * grouped by, {@code persistence} its one table (the first-run guide's dismissals), {@code web} serves the
 * JSON API, the pages and the CSV exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"platform", "identity", "catalog", "inventory", "sales", "payments"})
package app.comptoir.reporting;
