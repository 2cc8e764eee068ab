package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Counts over the whole filtered set of a search (not just the page): products per category (its
 * sub-categories included), per tag, per option value (products having an active variant with that
 * value), and the price range of their active variants.
 */
public record ProductFacets(List<CategoryCount> categories, List<TagCount> tags, List<OptionFacet> options,
                            PriceRange price) {

    /** Products in a category and its sub-categories. */
    public record CategoryCount(UUID id, String name, UUID parentId, long count) {
    }

    /** Products with a tag. */
    public record TagCount(String value, long count) {
    }

    /** The values of one option name, with their product counts. */
    public record OptionFacet(String name, List<ValueCount> values) {
    }

    /** Products having a variant with this value. */
    public record ValueCount(String value, long count) {
    }

    /** Lowest and highest price of the active variants (null when none). */
    public record PriceRange(BigDecimal min, BigDecimal max) {
    }
}
