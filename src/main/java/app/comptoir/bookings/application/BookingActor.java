package app.comptoir.bookings.application;

import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/** Who is acting on bookings: the business, the staff member recorded in timelines, and what they may do. */
@Component
public class BookingActor {

    private final TenantContext tenantContext;
    private final Permissions permissions;

    BookingActor(TenantContext tenantContext, Permissions permissions) {
        this.tenantContext = tenantContext;
        this.permissions = permissions;
    }

    /** Refuses with 403 unless the actor may perform the act: every staff use case starts with it. */
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

    /** The signed-in staff member, or null for the public page and the jobs. */
    public UUID userId() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }
}
