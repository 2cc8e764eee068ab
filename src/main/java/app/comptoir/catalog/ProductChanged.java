package app.comptoir.catalog;

import java.util.List;
import java.util.UUID;

/**
 * A product (or its variants) was created, changed or deleted in a tenant's catalog.
 * {@code removedVariantIds} are the variants the change took out of the catalog: all of a deleted
 * product's, those an update dropped; empty otherwise.
 */
public record ProductChanged(UUID tenantId, UUID productId, Change change, List<UUID> removedVariantIds) {

    public ProductChanged {
        removedVariantIds = removedVariantIds == null ? List.of() : List.copyOf(removedVariantIds);
    }

    /** A change that removed no variant. */
    public ProductChanged(UUID tenantId, UUID productId, Change change) {
        this(tenantId, productId, change, List.of());
    }

    /** What happened to the product. */
    public enum Change { CREATED, UPDATED, DELETED }
}
