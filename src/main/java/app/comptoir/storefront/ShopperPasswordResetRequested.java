package app.comptoir.storefront;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopper forgot their password: notifications e-mails them the link that sets a new one
 * ({@code /shop/{slug}/account/reset?token=…}, single use, until {@code expiresAt}).
 */
public record ShopperPasswordResetRequested(UUID tenantId, UUID shopperId, String slug, String shopName, String email,
                                            String name, String locale, String token, Instant expiresAt) {
}
