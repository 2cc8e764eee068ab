package app.comptoir.purchasing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The link between a business's supplier ({@code suppliers}) and a registered supplier's business
 * ({@code registered_tenant_id}): found, created from the marketplace, or set when an invited supplier registers.
 * The rest of the supplier record is the purchase order core's.
 */
@Repository
public class SupplierLinkStore {

    /** A supplier of the buyer as the link needs it. */
    public record Row(UUID id, String name, String email, UUID registeredTenantId) {
    }

    private final JdbcClient jdbc;

    SupplierLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The buyer's live supplier with this id. */
    public Optional<Row> find(UUID tenantId, UUID id) {
        return jdbc.sql("select id, name, email, registered_tenant_id from suppliers "
                        + "where tenant_id = :tenant and id = :id and deleted_at is null")
                .param("tenant", tenantId).param("id", id)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                        rs.getObject("registered_tenant_id", UUID.class))).optional();
    }

    /** The buyer's live supplier linked to the registered supplier, if any. */
    public Optional<UUID> linkedTo(UUID tenantId, UUID registeredTenantId) {
        return jdbc.sql("select id from suppliers where tenant_id = :tenant and registered_tenant_id = :registered "
                        + "and deleted_at is null")
                .param("tenant", tenantId).param("registered", registeredTenantId).query(UUID.class).optional();
    }

    /**
     * Adds a supplier linked to the registered supplier, named after its company; nothing when a concurrent
     * order added it first (the unique index on the link), so the caller reads {@link #linkedTo} again.
     */
    public void addLinked(UUID id, UUID tenantId, String name, String email, String phone, String city,
                          UUID registeredTenantId, UUID actor, Instant at) {
        jdbc.sql("""
                        insert into suppliers (id, tenant_id, name, email, phone, city, registered_tenant_id, created_at,
                          created_by, updated_at, updated_by)
                        values (:id, :tenant, :name, :email, :phone, :city, :registered, :at, :actor, :at, :actor)
                        on conflict do nothing""")
                .param("id", id).param("tenant", tenantId).param("name", name).param("email", email)
                .param("phone", phone).param("city", city).param("registered", registeredTenantId)
                .param("at", Timestamp.from(at)).param("actor", actor).update();
    }

    /** Links the buyer's supplier to the registered supplier's business (its past orders stay as they were). */
    public boolean link(UUID tenantId, UUID supplierId, UUID registeredTenantId, Instant at) {
        return jdbc.sql("""
                        update suppliers set registered_tenant_id = :registered, updated_at = :at, version = version + 1
                        where tenant_id = :tenant and id = :id and deleted_at is null""")
                .param("tenant", tenantId).param("id", supplierId).param("registered", registeredTenantId)
                .param("at", Timestamp.from(at)).update() == 1;
    }
}
