/**
 * Channels: a business's accounts on outside marketplaces (Vinted first: the logged-in website's session, sent by
 * the browser extension), its listings there, the publication jobs that publish, update, withdraw and follow them,
 * and the per-account rate cap that keeps an account under the marketplace's radar.
 *
 * <p>Every marketplace is an adapter behind {@link app.comptoir.channels.application.MarketplaceAdapter}; listings,
 * jobs and the cap do not know which one they drive. Session material is sealed at rest
 * ({@link app.comptoir.platform.SecretSeal}, key {@code comptoir.channels.encryption-key}) and never leaves the
 * server. A sale in Comptoir that takes a variant's last unit (sales' {@code OrderConfirmed}, inventory's available
 * stock) withdraws its listings. Internals: {@code web} (the JSON API, including the extension's), {@code application} (accounts and
 * devices, the Vinted web adapter, the rate cap, listings, the job runner), {@code domain} (pairing codes, the cap's
 * decision, the pause rule, job states; framework-free) and {@code persistence} (every SQL text).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels",
        allowedDependencies = {"platform", "identity", "sales", "inventory", "catalog"})
package app.comptoir.channels;
