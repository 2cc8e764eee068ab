package app.comptoir.platform;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** Base of every tenant-owned row: an {@link AuditedEntity} that belongs to one tenant. */
@MappedSuperclass
public abstract class TenantOwnedEntity extends AuditedEntity {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    protected TenantOwnedEntity() {
    }

    protected TenantOwnedEntity(UUID id, UUID tenantId) {
        super(id);
        this.tenantId = tenantId;
    }

    /** The tenant that owns this row. */
    public UUID getTenantId() {
        return tenantId;
    }
}
