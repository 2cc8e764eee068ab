package app.comptoir.platform;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every module sees them: who, in which tenant, with which roles, and the
 * account's token version when they signed in (a token or session of an older version is refused).
 */
public record ComptoirPrincipal(UUID userId, UUID tenantId, String email, String name, Set<Role> roles,
                                int tokenVersion) implements Serializable {

    public ComptoirPrincipal {
        roles = Set.copyOf(roles);
    }

    /** A principal of token version 0 (jobs, demo data and tests that act as a user). */
    public ComptoirPrincipal(UUID userId, UUID tenantId, String email, String name, Set<Role> roles) {
        this(userId, tenantId, email, name, roles, 0);
    }

    /** Whether the user holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
