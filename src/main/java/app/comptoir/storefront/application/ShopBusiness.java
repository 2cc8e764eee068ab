package app.comptoir.storefront.application;

import java.util.UUID;

/** The business whose shop a request is about, as the shop shows it (found by its address, its shop switched on). */
public record ShopBusiness(UUID tenantId, String slug, String name, String currency, String locale, String zone,
                           boolean pricesIncludeVat) {
}
