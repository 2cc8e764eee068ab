package app.comptoir.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Amounts as every page shows them, in the tenant's currency and the reader's language
 * ({@code 12,50 €}, {@code 1 500 F CFA}: XOF has no decimals). Templates call it as
 * {@code ${@money.format(amount, tenant.currency, #locale)}}.
 */
@Component("money")
public class MoneyFormat {

    /** The amount in the currency, or an empty text when there is no amount. */
    public String format(BigDecimal amount, String currencyCode, Locale locale) {
        if (amount == null) {
            return "";
        }
        Currency currency = currency(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale == null ? Locale.FRENCH : locale);
        format.setCurrency(currency);
        int digits = decimals(currencyCode);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount.setScale(digits, RoundingMode.HALF_UP));
    }

    /** The number of decimals of the currency's amounts (0 for XOF), for input fields. */
    public int decimals(String currencyCode) {
        return Money.decimals(currencyCode);
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(Objects.requireNonNullElse(code, "EUR").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Currency.getInstance("EUR");
        }
    }
}
