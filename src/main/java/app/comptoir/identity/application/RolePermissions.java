package app.comptoir.identity.application;

import org.springframework.security.access.AccessDeniedException;
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
        return tenantContext.principal().map(p -> allows(p, permission)).orElse(true);
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
