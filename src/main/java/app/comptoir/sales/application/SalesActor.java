package app.comptoir.sales.application;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * Who is acting: the user id and name recorded in histories, whether they only see their own deliveries, and
 * what they may do (through platform's {@link Permissions}, the one place that decides).
 */
@Component
public class SalesActor {

    private final TenantContext tenantContext;
    private final Permissions permissions;

    SalesActor(TenantContext tenantContext, Permissions permissions) {
        this.tenantContext = tenantContext;
        this.permissions = permissions;
    }

    /** Whether the actor may perform the act (the business's role matrix decides). */
    public boolean may(Permission permission) {
        return permissions.has(permission);
    }

    /** Refuses with 403 unless the actor may perform the act: every use case starts with it. */
    public void require(Permission permission) {
        permissions.require(permission);
    }

    public UUID tenant() {
        return tenantContext.requireTenant();
    }

    public UUID userId() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }

    public String name() {
        return tenantContext.principal().map(ComptoirPrincipal::name).orElse("Comptoir");
    }

    /**
     * The user's id when they are a driver and nothing more (no ADMIN, MANAGER or VIEWER role): such a
     * user sees and updates only the orders assigned to them.
     */
    public Optional<UUID> restrictedDriver() {
        return tenantContext.principal()
                .filter(p -> p.has(Role.DRIVER) && !p.has(Role.ADMIN) && !p.has(Role.MANAGER) && !p.has(Role.VIEWER))
                .map(ComptoirPrincipal::userId);
    }
}
