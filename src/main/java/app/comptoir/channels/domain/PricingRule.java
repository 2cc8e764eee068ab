package app.comptoir.channels.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a listing's price follows from the product's: the price plus a markup (a percentage, then a fixed amount),
 * rounded up (to the next .90 or the next whole unit, or to the cent), then raised to the minimum. Amounts in the
 * business's currency with two decimals. {@code minimum} null: none.
 */
public record PricingRule(BigDecimal markupPercent, BigDecimal markupFixed, Rounding rounding, BigDecimal minimum) {

    /** How the marked-up price is rounded. */
    public enum Rounding {
        /** To the cent (half up). */
        NONE,
        /** Up to the next price ending in .90 (12.34 → 12.90, 12.95 → 13.90, 12.90 stays). */
        NINETY,
        /** Up to the next whole unit (12.34 → 13, 12.00 stays). */
        WHOLE
    }

    /** No markup, no rounding, no minimum: the listing costs what the product costs. */
    public static final PricingRule NONE = new PricingRule(BigDecimal.ZERO, BigDecimal.ZERO, Rounding.NONE, null);

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal MAX = new BigDecimal("99999.99");

    public PricingRule {
        markupPercent = markupPercent == null ? BigDecimal.ZERO : markupPercent;
        markupFixed = markupFixed == null ? BigDecimal.ZERO : markupFixed;
        rounding = rounding == null ? Rounding.NONE : rounding;
    }

    /** The listing's price for a product sold at {@code base}. */
    public BigDecimal apply(BigDecimal base) {
        BigDecimal price = base.multiply(BigDecimal.ONE.add(markupPercent.divide(HUNDRED)))
                .add(markupFixed);
        price = switch (rounding) {
            case NONE -> price.setScale(2, RoundingMode.HALF_UP);
            case WHOLE -> price.setScale(0, RoundingMode.CEILING).setScale(2);
            case NINETY -> {
                BigDecimal units = price.setScale(0, RoundingMode.FLOOR);
                BigDecimal ninety = units.add(new BigDecimal("0.90"));
                yield price.compareTo(ninety) <= 0 ? ninety : ninety.add(BigDecimal.ONE);
            }
        };
        if (minimum != null && price.compareTo(minimum) < 0) {
            price = minimum.setScale(2, RoundingMode.HALF_UP);
        }
        return price;
    }

    /** What is wrong with the rule, field by field (empty when it may be stored). */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (markupPercent.compareTo(new BigDecimal("-90")) < 0 || markupPercent.compareTo(new BigDecimal("500")) > 0
                || markupPercent.stripTrailingZeros().scale() > 2) {
            problems.add(new String[] {"markupPercent", "a percentage from -90 to 500 with at most 2 decimals"});
        }
        if (markupFixed.abs().compareTo(new BigDecimal("10000")) > 0 || markupFixed.stripTrailingZeros().scale() > 2) {
            problems.add(new String[] {"markupFixed", "an amount from -10000 to 10000 with at most 2 decimals"});
        }
        if (minimum != null && (minimum.signum() < 0 || minimum.compareTo(MAX) > 0
                || minimum.stripTrailingZeros().scale() > 2)) {
            problems.add(new String[] {"minimum", "an amount from 0 to 99999.99 with at most 2 decimals"});
        }
        return problems;
    }
}
