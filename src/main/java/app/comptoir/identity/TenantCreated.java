package app.comptoir.identity;

import java.util.UUID;

/** A tenant was created (by sign-up or as a demo tenant); modules may prepare their defaults. */
public record TenantCreated(UUID tenantId, String slug, boolean demo) {
}
