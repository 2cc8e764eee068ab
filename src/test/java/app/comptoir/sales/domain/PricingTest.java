package app.comptoir.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PricingTest {

    @Test
    void lineNetAppliesThePercentageDiscountAndRoundsOnce() {
        assertThat(Pricing.lineNet(3, new BigDecimal("12.50"), new BigDecimal("10"), "EUR")).isEqualByComparingTo("33.75");
        assertThat(Pricing.lineNet(3, new BigDecimal("0.35"), new BigDecimal("33.33"), "EUR")).isEqualByComparingTo("0.70");
        assertThat(Pricing.lineNet(3, new BigDecimal("3500"), new BigDecimal("3.33"), "XOF")).isEqualByComparingTo("10150");
        assertThat(Pricing.lineNet(1, new BigDecimal("9.99"), null, "EUR")).isEqualByComparingTo("9.99");
    }

    @Test
    void vatIsRoundedOncePerRateAndTheDeliveryFeeFollowsTheHighestRate() {
        // Three lines of 0.05 at 5.5 %: per line VAT would be 3 × 0.00; per rate it is 0.15 × 5.5 % = 0.01.
        List<LineView> lines = List.of(line("0.05", "5.5"), line("0.05", "5.5"), line("0.05", "5.5"), line("10.00", "10"));
        Totals totals = Pricing.totals(lines, new BigDecimal("4.00"), "EUR");
        assertThat(totals.byRate()).extracting(Totals.VatLine::rate).map(BigDecimal::toPlainString)
                .containsExactly("10", "5.5");
        assertThat(totals.byRate().get(0).net()).isEqualByComparingTo("14.00");
        assertThat(totals.byRate().get(0).vat()).isEqualByComparingTo("1.40");
        assertThat(totals.byRate().get(1).vat()).isEqualByComparingTo("0.01");
        assertThat(totals.net()).isEqualByComparingTo("14.15");
        assertThat(totals.vat()).isEqualByComparingTo("1.41");
        assertThat(totals.gross()).isEqualByComparingTo("15.56");
    }

    @Test
    void aDeliveryFeeAloneIsNotTaxedAndXofHasNoDecimals() {
        Totals fee = Pricing.totals(List.of(), new BigDecimal("5"), "EUR");
        assertThat(fee.gross()).isEqualByComparingTo("5.00");
        Totals xof = Pricing.totals(List.of(line("1001", "18")), BigDecimal.ZERO, "XOF");
        assertThat(xof.vat()).isEqualByComparingTo("180");
        assertThat(xof.gross().scale()).isZero();
    }

    @Test
    void aReturnedShareIncludesVat() {
        LineView line = new LineView(UUID.randomUUID(), UUID.randomUUID(), "S", "L", 3, new BigDecimal("10.00"),
                BigDecimal.ZERO, new BigDecimal("20"), new BigDecimal("30.00"), 0);
        assertThat(Pricing.grossShare(line, 1, "EUR")).isEqualByComparingTo("12.00");
        assertThat(Pricing.grossShare(line, 3, "EUR")).isEqualByComparingTo("36.00");
    }

    private static LineView line(String net, String rate) {
        return new LineView(UUID.randomUUID(), UUID.randomUUID(), "S", "L", 1, new BigDecimal(net), BigDecimal.ZERO,
                new BigDecimal(rate), new BigDecimal(net), 0);
    }
}
