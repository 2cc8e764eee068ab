package app.comptoir.channels.domain;

import java.util.Locale;
import java.util.Optional;

/** What a mapping table translates: our value of that kind becomes the marketplace's id. */
public enum MappingKind {
    /** Our catalog category (its id) → the marketplace's category ({@code catalog_id} on Vinted). */
    CATEGORY,
    /** Our brand text → the marketplace's brand id. */
    BRAND,
    /** Our size text, per category group (scope: our category id, or everywhere) → the marketplace's size id. */
    SIZE,
    /** Our {@code ItemCondition} → the marketplace's condition ({@code status_id} on Vinted). */
    CONDITION,
    /** Our colour (the variant's "Couleur" option value) → the marketplace's colour id. */
    COLOUR;

    /** The kind named in a path ({@code category}, {@code colour} or {@code color}), any case. */
    public static Optional<MappingKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.equals("COLOR")) {
            name = "COLOUR";
        }
        for (MappingKind kind : values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind as paths spell it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
