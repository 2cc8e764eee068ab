package app.comptoir.purchasing.application;

import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.ConflictException;

/** The guard of the supplier space: only a registered supplier's business (kind SUPPLIER) works there. */
@Component
public class SupplierSpace {

    private final Tenants tenants;

    SupplierSpace(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The current business, refused (409 {@code not-a-supplier}) unless it is a registered supplier. */
    public TenantProfile requireSupplier() {
        TenantProfile tenant = tenants.current();
        if (!tenant.supplier()) {
            throw new ConflictException("not-a-supplier",
                    "Only a registered supplier's business has a supplier space; shopkeepers buy on the marketplace");
        }
        return tenant;
    }

    /** The current business's id, once {@link #requireSupplier} passed. */
    public UUID requireSupplierId() {
        return requireSupplier().id();
    }
}
