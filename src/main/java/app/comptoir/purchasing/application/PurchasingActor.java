package app.comptoir.purchasing.application;

import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/** Who is acting on purchases: the business, the user recorded in histories, and what they may do. */
@Component
public class PurchasingActor {

    private final TenantContext tenantContext;
    private final Permissions permissions;

    PurchasingActor(TenantContext tenantContext, Permissions permissions) {
        this.tenantContext = tenantContext;
        this.permissions = permissions;
    }

    /** Refuses with 403 unless the actor may perform the act: every use case starts with it. */
    public void require(Permission permission) {
        permissions.require(permission);
    }

    /** Whether the actor may perform the act (pages hide the buttons of acts they may not). */
    public boolean may(Permission permission) {
        return permissions.has(permission);
    }

    public UUID tenant() {
        return tenantContext.requireTenant();
    }

    public UUID userId() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }
}
