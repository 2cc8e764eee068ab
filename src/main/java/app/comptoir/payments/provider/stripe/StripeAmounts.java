package app.comptoir.payments.provider.stripe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

import app.comptoir.platform.Money;

/**
 * Amounts as Stripe counts them: integers in the currency's smallest unit (cents for EUR), except Stripe's
 * zero-decimal currencies, counted in whole units (XOF and XAF among them: 1 500 F CFA is 1500).
 */
final class StripeAmounts {

    /** Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal). */
    static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG",
            "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    private StripeAmounts() {
    }

    /** The decimals of an amount in the currency, for Stripe. */
    static int decimals(String currency) {
        return ZERO_DECIMAL.contains(currency.toUpperCase(Locale.ROOT)) ? 0 : Money.decimals(currency);
    }

    /** The amount in the currency's smallest unit (12.50 EUR is 1250; 1500 XOF is 1500). */
    static long toMinor(BigDecimal amount, String currency) {
        return amount.movePointRight(decimals(currency)).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** An amount Stripe gave in the smallest unit, back in the currency's decimals. */
    static BigDecimal fromMinor(long minor, String currency) {
        return Money.round(BigDecimal.valueOf(minor).movePointLeft(decimals(currency)), currency);
    }
}
