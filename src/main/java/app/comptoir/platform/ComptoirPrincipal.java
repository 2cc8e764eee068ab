package app.comptoir.platform;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** The signed-in user as every module sees them: who, in which tenant, with which roles. */
public record ComptoirPrincipal(UUID userId, UUID tenantId, String email, String name, Set<Role> roles)
        implements Serializable {

    public ComptoirPrincipal {
        roles = Set.copyOf(roles);
    }

    /** Whether the user holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
