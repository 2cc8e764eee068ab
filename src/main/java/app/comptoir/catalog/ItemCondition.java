package app.comptoir.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The condition of a second-hand item, in our own words (a marketplace's own codes are mapped from these by the
 * module that publishes there). Labels: {@code catalog.condition.<NAME>} in the catalog's messages.
 */
public enum ItemCondition {
    NEW_WITH_TAGS, NEW_WITHOUT_TAGS, VERY_GOOD, GOOD, SATISFACTORY;

    /** The condition named by this text (any case, dashes or spaces for underscores); empty when none is. */
    public static Optional<ItemCondition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ItemCondition c : values()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
