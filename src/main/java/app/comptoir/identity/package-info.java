/**
 * Identity: tenants (business profile, currency, locale, time zone, enabled modules), users and roles,
 * sign-up, login, tokens and the demo businesses. The root package is the API other modules use:
 * {@link app.comptoir.identity.Tenants} and {@link app.comptoir.identity.TenantProfile} (the current
 * business's settings), {@link app.comptoir.identity.Users} and {@link app.comptoir.identity.UserView}, and the
 * {@link app.comptoir.identity.TenantCreated} event. {@code application} holds the use cases no other module
 * calls ({@code Logins}, the login throttle, the live account check, the business calendar), {@code domain}
 * the entities and rules, {@code persistence} the repositories, {@code demo} the demo businesses and
 * {@code web} the API and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package app.comptoir.identity;
