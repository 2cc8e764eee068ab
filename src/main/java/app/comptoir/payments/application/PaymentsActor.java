package app.comptoir.payments.application;

import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/** Who is acting on payments: the business, the user recorded as author, and what they may do. */
@Component
public class PaymentsActor {

    private final TenantContext tenantContext;
    private final Permissions permissions;

    PaymentsActor(TenantContext tenantContext, Permissions permissions) {
        this.tenantContext = tenantContext;
        this.permissions = permissions;
    }

    /** Refuses with 403 unless the actor may perform the act: every use case that needs one starts with it. */
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

    /** The signed-in user, or null for a public caller, a job or a provider's webhook (the system actor then). */
    public UUID userId() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }
}
