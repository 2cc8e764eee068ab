package app.comptoir.storefront.application;

import java.util.UUID;

/**
 * The business whose shop or customer accounts a request is about, as its public pages show it (found by its
 * address). {@code catalog}: its shop is on (catalog, cart, checkout); without it only the customer accounts are
 * open, for a business whose customers have something else to find there (the inspection centre's motorists).
 * {@code bookings} and {@code inspections}: the modules whose pages the account links to.
 */
public record ShopBusiness(UUID tenantId, String slug, String name, String currency, String locale, String zone,
                           boolean pricesIncludeVat, boolean catalog, boolean bookings, boolean inspections) {
}
