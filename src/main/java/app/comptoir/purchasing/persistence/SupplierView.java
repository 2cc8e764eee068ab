package app.comptoir.purchasing.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A supplier of the business: a contact (name, phone, e-mail, address), a favourite flag, and the registered
 * supplier's business it is linked to, if any ({@code registeredTenantId}: its orders are connected).
 */
public record SupplierView(UUID id, String name, String contactName, String phone, String email, String address,
                           String city, String notes, boolean favourite, UUID registeredTenantId, Instant createdAt,
                           Instant updatedAt, long version) {

    /** Whether orders to this supplier are connected (it is a registered supplier's business). */
    public boolean registered() {
        return registeredTenantId != null;
    }
}
