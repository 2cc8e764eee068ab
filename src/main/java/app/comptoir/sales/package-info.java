/**
 * Sales: customers and their addresses, quotes (devis), orders with their workflow, driver assignment
 * and returns. The root package is the API the screens and other modules use ({@link
 * app.comptoir.sales.application.Customers}, {@link app.comptoir.sales.application.Quotes}, {@link app.comptoir.sales.application.Orders} and
 * the records); sub-packages are internal. Stock follows every order step through the inventory module's
 * {@link app.comptoir.inventory.Reservations} and {@link app.comptoir.inventory.StockMovements}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package app.comptoir.sales;
