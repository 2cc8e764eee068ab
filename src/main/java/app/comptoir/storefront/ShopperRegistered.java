package app.comptoir.storefront;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopper created an account at a business's shop: notifications e-mails them the link that verifies their
 * address ({@code /shop/{slug}/account/verify?token=…}, single use, until {@code expiresAt}), in their language, with
 * the shop's name. The token is only in this event and the e-mail; the shop keeps its SHA-256.
 */
public record ShopperRegistered(UUID tenantId, UUID shopperId, String slug, String shopName, String email,
                                String name, String locale, String token, Instant expiresAt) {
}
