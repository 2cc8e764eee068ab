package app.comptoir.support;

import java.util.UUID;

/** A signed-in user created by a test: who they are, where, their password and their tokens. */
public record Account(UUID tenantId, String tenantSlug, UUID userId, String email, String password,
                      String accessToken, String refreshToken) {
}
