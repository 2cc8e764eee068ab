package app.comptoir.catalog;

/**
 * What a second-hand item says of itself beyond its name: condition, size (as the label says it: "M", "38",
 * "W32 L34") and material. The brand is the product's own {@code brand}. Each part is null when not given.
 */
public record SecondHandAttributes(ItemCondition condition, String size, String material) {

    /** No attribute at all. */
    public static final SecondHandAttributes NONE = new SecondHandAttributes(null, null, null);
}
