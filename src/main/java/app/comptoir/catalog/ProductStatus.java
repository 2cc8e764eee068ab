package app.comptoir.catalog;

/** Where a product is in its life: prepared, on sale, or withdrawn (kept for history). */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED
}
