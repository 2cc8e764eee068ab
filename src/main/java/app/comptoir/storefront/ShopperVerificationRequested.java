package app.comptoir.storefront;

import java.time.Instant;
import java.util.UUID;

/** A shopper asked for a new link that verifies their e-mail address (the earlier ones no longer work). */
public record ShopperVerificationRequested(UUID tenantId, UUID shopperId, String slug, String shopName, String email,
                                           String name, String locale, String token, Instant expiresAt) {
}
