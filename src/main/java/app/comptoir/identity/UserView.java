package app.comptoir.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import app.comptoir.platform.Role;

/** A user as administrators see them (never the password hash). */
public record UserView(UUID id, String email, String name, Set<Role> roles, boolean enabled, Instant lastLoginAt,
                       Instant createdAt, Instant updatedAt) {
}
