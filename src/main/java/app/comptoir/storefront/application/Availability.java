package app.comptoir.storefront.application;

/**
 * Whether a variant (or a product, over its variants) can be bought now, as the shop says it: in stock, only a few
 * left ({@link #LOW_THRESHOLD} or fewer), or out of stock. A business that keeps no stock sells without limit.
 */
public enum Availability {
    IN_STOCK, LOW_STOCK, OUT_OF_STOCK;

    /** At most this many left is "only a few left". */
    public static final int LOW_THRESHOLD = 3;

    /** The availability of a quantity available now (null: no stock kept). */
    public static Availability of(Integer available) {
        if (available == null) {
            return IN_STOCK;
        }
        return available <= 0 ? OUT_OF_STOCK : available <= LOW_THRESHOLD ? LOW_STOCK : IN_STOCK;
    }

    /** The schema.org {@code ItemAvailability} of this availability. */
    public String schemaOrg() {
        return this == OUT_OF_STOCK ? "https://schema.org/OutOfStock"
                : this == LOW_STOCK ? "https://schema.org/LimitedAvailability" : "https://schema.org/InStock";
    }
}
