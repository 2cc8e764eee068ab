package app.comptoir.identity.application;

import java.util.Set;
import java.util.UUID;

import app.comptoir.platform.Role;

/** What a successful sign-up, login or refresh returns: tokens, the user and their tenant. */
public record AuthResult(String accessToken, String refreshToken, long expiresIn, String tokenType, User user,
                         TenantSummary tenant) {

    /** The signed-in user. */
    public record User(UUID id, String email, String name, Set<Role> roles) {
    }

    /** The user's tenant. */
    public record TenantSummary(UUID id, String name, String slug, String currency, String locale) {
    }
}
