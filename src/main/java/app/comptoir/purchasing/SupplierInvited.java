package app.comptoir.purchasing;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopkeeper invited one of its manual suppliers to register on Comptoir. Notifications e-mails the link
 * {@code /supplier-invitation/{token}} to {@code email}; purchasing keeps only the token's hash. The link works
 * once, until {@code expiresAt}.
 */
public record SupplierInvited(UUID tenantId, UUID invitationId, UUID supplierId, String supplierName, String email,
                              String businessName, String invitedBy, String locale, String token, Instant expiresAt) {
}
