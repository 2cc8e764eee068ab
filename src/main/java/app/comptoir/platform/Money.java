package app.comptoir.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in a currency, at that currency's decimals: 2 for EUR or USD, none for XOF and XAF (FCFA).
 * The one place that knows how many decimals a currency has and how amounts are rounded (half up).
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = code(currency);
        amount = round(amount, currency);
    }

    /** The amount in the currency, rounded to its decimals. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** Nothing, in the currency. */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The number of decimals of the currency's amounts (ISO 4217 minor unit: 0 for XOF and XAF). */
    public static int decimals(String currency) {
        return Math.max(0, Currency.getInstance(code(currency)).getDefaultFractionDigits());
    }

    /** The amount at the currency's decimals, rounded half up. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(decimals(currency), RoundingMode.HALF_UP);
    }

    /** Whether the amount has no more decimals than the currency allows (e.g. 12.5 XOF does not). */
    public static boolean fitsDecimals(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().scale() <= decimals(currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
    }

    /** The ISO code, upper case; an unknown or missing code falls back to EUR, the default currency. */
    private static String code(String currency) {
        String code = currency == null || currency.isBlank() ? "EUR" : currency.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return "EUR";
        }
    }
}
