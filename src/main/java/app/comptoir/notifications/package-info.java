/**
 * Notifications: telling people and systems what happened in a business. It reacts to the other modules'
 * events ({@code @ApplicationModuleListener} with the persistent publication registry, so a crash between
 * a business commit and the sending loses nothing) and delivers through channels: e-mail (SMTP), in-app
 * (the bell), web push, and signed outgoing webhooks for integrations.
 *
 * <p>The root package is the published API only. Internals: {@code web} (API and pages), {@code application}
 * (the channels, the dispatcher and preferences, delivery logs and their retry tasks, the event listeners),
 * {@code domain} (framework-free rules: signatures, backoff, defaults per role), {@code persistence} (every
 * SQL text) and {@code demo}. It reads identity's users and business profile, and listens to the events of
 * catalog, inventory, sales and purchasing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "identity", "catalog", "inventory", "sales", "purchasing", "bookings", "payments",
                "storefront", "inspections"})
package app.comptoir.notifications;
