package app.comptoir.catalog;

import java.util.UUID;

/** A product (or its variants) was created, changed or deleted in a tenant's catalog. */
public record ProductChanged(UUID tenantId, UUID productId, Change change) {

    /** What happened to the product. */
    public enum Change { CREATED, UPDATED, DELETED }
}
