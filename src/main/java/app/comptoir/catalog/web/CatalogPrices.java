package app.comptoir.catalog.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;

import org.springframework.stereotype.Component;

import app.comptoir.catalog.VariantView;
import app.comptoir.platform.MoneyFormat;

/**
 * Prices as the catalog pages show them, in the tenant's currency and the reader's language
 * ({@code 12,50 €}, {@code 1 500 F CFA}: XOF has no decimals). Templates call it as
 * {@code ${@catalogPrices.format(amount, tenant.currency, #locale)}}.
 */
@Component("catalogPrices")
public class CatalogPrices {

    private final MoneyFormat money;

    CatalogPrices(MoneyFormat money) {
        this.money = money;
    }

    /** The amount in the currency, or an empty text when there is no amount. */
    public String format(BigDecimal amount, String currencyCode, Locale locale) {
        return money.format(amount, currencyCode, locale);
    }

    /**
     * The price of a product: one amount when its variants cost the same, else "from – to". Active
     * variants count; when none is active, all of them do, so a draft still shows its prices.
     */
    public String range(Collection<VariantView> variants, String currencyCode, Locale locale) {
        if (variants == null || variants.isEmpty()) {
            return "";
        }
        boolean anyActive = variants.stream().anyMatch(VariantView::active);
        BigDecimal min = null;
        BigDecimal max = null;
        for (VariantView v : variants) {
            if ((anyActive && !v.active()) || v.price() == null) {
                continue;
            }
            min = min == null || v.price().compareTo(min) < 0 ? v.price() : min;
            max = max == null || v.price().compareTo(max) > 0 ? v.price() : max;
        }
        if (min == null) {
            return "";
        }
        return min.compareTo(max) == 0 ? format(min, currencyCode, locale)
                : format(min, currencyCode, locale) + " – " + format(max, currencyCode, locale);
    }

    /** The number of decimals of the currency's amounts (0 for XOF), for input fields. */
    public int decimals(String currencyCode) {
        return money.decimals(currencyCode);
    }
}
