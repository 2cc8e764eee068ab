/**
 * Reporting: statistics and dashboards computed from the other modules' public APIs (read models
 * over catalog, inventory and, later, sales), never from their tables. The root package holds the
 * figures other screens may show; {@code web} serves the JSON API, the pages and the CSV exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package app.comptoir.reporting;
