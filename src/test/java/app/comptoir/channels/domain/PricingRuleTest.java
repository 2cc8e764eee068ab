package app.comptoir.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import app.comptoir.channels.domain.PricingRule.Rounding;

class PricingRuleTest {

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    private static PricingRule rule(String percent, String fixed, Rounding rounding, String minimum) {
        return new PricingRule(eur(percent), eur(fixed), rounding, minimum == null ? null : eur(minimum));
    }

    @Test
    void withoutARuleTheListingCostsWhatTheProductCosts() {
        assertThat(PricingRule.NONE.apply(eur("12.34"))).isEqualByComparingTo("12.34").hasScaleOf(2);
    }

    @Test
    void roundingUpToNinetyCents() {
        PricingRule ninety = rule("0", "0", Rounding.NINETY, null);
        assertThat(ninety.apply(eur("12.34"))).isEqualTo(eur("12.90"));
        assertThat(ninety.apply(eur("12.90"))).isEqualTo(eur("12.90"));
        assertThat(ninety.apply(eur("12.95"))).isEqualTo(eur("13.90"));
        assertThat(ninety.apply(eur("12.00"))).isEqualTo(eur("12.90"));
    }

    @Test
    void roundingUpToTheWholeEuro() {
        PricingRule whole = rule("0", "0", Rounding.WHOLE, null);
        assertThat(whole.apply(eur("12.34"))).isEqualTo(eur("13.00"));
        assertThat(whole.apply(eur("12.00"))).isEqualTo(eur("12.00"));
        assertThat(whole.apply(eur("12.01"))).isEqualTo(eur("13.00"));
    }

    @Test
    void markupPercentThenFixedThenRoundingToTheCent() {
        // 10.00 + 15 % = 11.50, + 0.99 = 12.49
        assertThat(rule("15", "0.99", Rounding.NONE, null).apply(eur("10.00"))).isEqualTo(eur("12.49"));
        // 9.99 + 12.5 % = 11.23875 → 11.24
        assertThat(rule("12.5", "0", Rounding.NONE, null).apply(eur("9.99"))).isEqualTo(eur("11.24"));
        // 20 + 20 % = 24 → next .90: 24.90
        assertThat(rule("20", "0", Rounding.NINETY, null).apply(eur("20"))).isEqualTo(eur("24.90"));
    }

    @Test
    void aPriceBelowTheMinimumIsRaisedToIt() {
        PricingRule rule = rule("10", "0", Rounding.NINETY, "5");
        assertThat(rule.apply(eur("2.00"))).isEqualTo(eur("5.00"));
        assertThat(rule.apply(eur("10.00"))).isEqualTo(eur("11.90"));
    }

    @Test
    void aRuleOutOfBoundsNamesItsFields() {
        assertThat(rule("600", "20000", Rounding.NONE, "-1").problems()).extracting(p -> p[0])
                .containsExactly("markupPercent", "markupFixed", "minimum");
        assertThat(rule("10", "1.5", Rounding.WHOLE, "3").problems()).isEmpty();
    }
}
