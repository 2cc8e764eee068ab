package app.comptoir.identity.application;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import app.comptoir.identity.domain.PermissionMatrix;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * Decides from the signed-in user's roles and the role matrix. Templates reach it as
 * {@code @rolePermissions.has(...)}.
 */
@Component("rolePermissions")
class RolePermissions implements Permissions {

    private final TenantContext tenantContext;
    private final PermissionMatrix matrix = PermissionMatrix.defaults();

    RolePermissions(TenantContext tenantContext) {
        this.tenantContext = tenantContext;
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

    private boolean allows(ComptoirPrincipal principal, Permission permission) {
        return matrix.allows(principal.roles(), permission);
    }
}
