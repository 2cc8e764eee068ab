/**
 * Sales: customers and their addresses, quotes (devis), orders with their workflow, driver assignment and
 * returns. The reference module of the template (see {@code docs/architecture.md}):
 * <ul>
 *   <li>this package is the published API only: what other modules use ({@link app.comptoir.sales.SalesFigures}
 *       and {@link app.comptoir.sales.OrderStatus} for reporting) and the events they may listen to
 *       ({@link app.comptoir.sales.OrderConfirmed}, {@link app.comptoir.sales.OrderSentOut},
 *       {@link app.comptoir.sales.OrderDelivered}, {@link app.comptoir.sales.OrderCancelled},
 *       {@link app.comptoir.sales.ReturnRecorded}, {@link app.comptoir.sales.DeliveryFailed},
 *       {@link app.comptoir.sales.DeliveryUndone}, {@link app.comptoir.sales.QuoteSent},
 *       {@link app.comptoir.sales.QuoteAccepted});</li>
 *   <li>{@code domain}: the {@code Order} and {@code Quote} aggregates, their value objects and the named
 *       policies, free of Spring and JDBC;</li>
 *   <li>{@code application}: the use cases ({@code Orders}, {@code Quotes}, {@code Customers});</li>
 *   <li>{@code persistence}: every SQL text; {@code web}: API and page controllers; {@code demo}: demo data.</li>
 * </ul>
 * Stock follows every order step through the inventory module's published API, synchronously (a reservation
 * is atomic with its order); prices come from the catalog's; users and the business's settings from identity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales",
        allowedDependencies = {"platform", "catalog", "inventory", "identity", "payments"})
package app.comptoir.sales;
