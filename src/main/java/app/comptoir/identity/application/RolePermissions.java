package app.comptoir.identity.application;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import app.comptoir.identity.Tenants;
import app.comptoir.identity.domain.PermissionMatrix;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * Decides from the signed-in user's roles and their business's role matrix. Templates reach it as
 * {@code @rolePermissions.has(...)}.
 */
@Component("rolePermissions")
class RolePermissions implements Permissions {

    private final TenantContext tenantContext;
    // Tenants asks this port before changing settings: reached lazily to break the cycle.
    private final ObjectProvider<Tenants> tenants;

    RolePermissions(TenantContext tenantContext, ObjectProvider<Tenants> tenants) {
        this.tenantContext = tenantContext;
        this.tenants = tenants;
    }

    @Override
    public boolean has(Permission permission) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            // No user is acting: demo data, jobs, reactions to events (every user entry point signs in first).
            return true;
        }
        return tenantContext.principal().map(p -> allows(p, permission)).orElse(false);
    }

    @Override
    public void require(Permission permission) {
        if (!has(permission)) {
            throw new AccessDeniedException("Your role does not allow " + permission);
        }
    }

    /** The business's matrix comes with its profile, which each node keeps for a short window. */
    private boolean allows(ComptoirPrincipal principal, Permission permission) {
        return new PermissionMatrix(tenants.getObject().current().permissions()).allows(principal.roles(), permission);
    }
}
