package app.comptoir.catalog.domain;

import app.comptoir.catalog.ItemCondition;
import app.comptoir.catalog.SecondHandAttributes;

/**
 * The second-hand attributes of a product as given (condition as text, checked by {@link ProductRules}: after
 * the check it is an {@link ItemCondition} name or null).
 */
public record SecondHand(String condition, String size, String material) {

    public static final SecondHand NONE = new SecondHand(null, null, null);

    /** The attributes as other modules read them (a condition that is not one of ours reads as none). */
    public SecondHandAttributes toAttributes() {
        return new SecondHandAttributes(ItemCondition.parse(condition).orElse(null), size, material);
    }
}
