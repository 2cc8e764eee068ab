package app.comptoir.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user asked to reset a forgotten password (published only for a known, enabled account; the caller gets
 * the same answer either way). Notifications e-mails the link carrying {@code token}, which is single use
 * and valid until {@code expiresAt}; identity keeps only its hash. {@code locale} is the business's language.
 */
public record PasswordResetRequested(UUID tenantId, UUID userId, String email, String name, String locale,
                                     String token, Instant expiresAt) {
}
