/**
 * The shared kernel: tenant context, {@code Money}, ids, audit and soft-delete support, problem-details
 * errors, paging, the business's time, the security chain, the web layout and i18n. Every module may use
 * its root package; it depends on no module (identity implements the ports it declares, such as
 * {@link app.comptoir.platform.CredentialsVerifier}, {@link app.comptoir.platform.AccountStatus} and
 * {@link app.comptoir.platform.BusinessTime}).
 *
 * <p>It is a closed module like the others: its sub-packages ({@code audit}, {@code db}, {@code security},
 * {@code web}) are the application's wiring, which no module calls, so nothing needs it open.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package app.comptoir.platform;
