package app.comptoir.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.catalog.VariantView;

class CatalogPricesTest {

    private final CatalogPrices prices = new CatalogPrices(new app.comptoir.platform.MoneyFormat());

    @Test
    void pricesFollowTheCurrencyAndTheLanguage() {
        assertThat(spaces(prices.format(new BigDecimal("1500"), "XOF", Locale.FRENCH))).isEqualTo("1 500 F CFA");
        assertThat(spaces(prices.format(new BigDecimal("12.5"), "EUR", Locale.FRENCH))).isEqualTo("12,50 €");
        assertThat(prices.format(new BigDecimal("12.5"), "EUR", Locale.ENGLISH)).isEqualTo("€12.50");
        assertThat(prices.format(null, "EUR", Locale.FRENCH)).isEmpty();
    }

    @Test
    void aProductShowsARangeOfItsActiveVariantsPrices() {
        List<VariantView> variants = List.of(variant("9.90", true), variant("14.90", true), variant("2.00", false));
        assertThat(spaces(prices.range(variants, "EUR", Locale.FRENCH))).isEqualTo("9,90 € – 14,90 €");
        assertThat(spaces(prices.range(List.of(variant("5", false)), "EUR", Locale.FRENCH))).isEqualTo("5,00 €");
    }

    private static VariantView variant(String price, boolean active) {
        return new VariantView(UUID.randomUUID(), "SKU", null, Map.of(), new BigDecimal(price), null, null, null, active);
    }

    private static String spaces(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ');
    }
}
