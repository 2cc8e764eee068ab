/**
 * Payments: what is due on an order or an appointment and what was paid, through one provider interface:
 * online (Stripe, through {@code stripe-java}; a mobile-money provider later) and on site (cash, card terminal,
 * transfer, cheque, recorded by staff, with the cash drawer's daily total); webhooks, refunds, the payment state
 * of each order and appointment, and each business's provider keys, encrypted at rest.
 *
 * <p>The root package is the published API only ({@code Payments}, its records and events; {@code PaymentFigures}
 * and {@code PaymentImports} for dashboards and imported history). Internals follow the module template:
 * {@code web}, {@code application}, {@code domain} (framework-free), {@code persistence} (every SQL text),
 * {@code provider} (the provider adapters) and {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments",
        allowedDependencies = {"platform", "identity"})
package app.comptoir.payments;
