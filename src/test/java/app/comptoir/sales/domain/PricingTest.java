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

    // ---------------------------------------------------------------- prices including VAT (TTC)

    @Test
    void anOrderGivesTheSameTotalsWhetherItsPricesWereEnteredWithOrWithoutVat() {
        Totals ht = Pricing.totals(List.of(priced(3, "10.00", "20", false)), BigDecimal.ZERO, "EUR", false);
        Totals ttc = Pricing.totals(List.of(priced(3, "12.00", "20", true)), BigDecimal.ZERO, "EUR", true);
        for (Totals t : List.of(ht, ttc)) {
            assertThat(t.net()).isEqualByComparingTo("30.00");
            assertThat(t.vat()).isEqualByComparingTo("6.00");
            assertThat(t.gross()).isEqualByComparingTo("36.00");
        }
        assertThat(ttc.byRate()).singleElement().satisfies(r -> {
            assertThat(r.net()).isEqualByComparingTo("30.00");
            assertThat(r.vat()).isEqualByComparingTo("6.00");
        });
    }

    @Test
    void withPricesIncludingVatTheGrossIsExactAndTheNetIsWhatIsLeft() {
        // 10.00 TTC is 8.3333… HT: entered TTC, three make exactly 30.00 with 5.00 of VAT inside;
        // entered HT at the rounded 8.33, three make 24.99 + 5.00 = 29.99.
        Totals ttc = Pricing.totals(List.of(priced(3, "10.00", "20", true)), BigDecimal.ZERO, "EUR", true);
        assertThat(ttc.gross()).isEqualByComparingTo("30.00");
        assertThat(ttc.vat()).isEqualByComparingTo("5.00");
        assertThat(ttc.net()).isEqualByComparingTo("25.00");
        Totals ht = Pricing.totals(List.of(priced(3, "8.33", "20", false)), BigDecimal.ZERO, "EUR", false);
        assertThat(ht.gross()).isEqualByComparingTo("29.99");
        assertThat(ht.vat()).isEqualByComparingTo("5.00");
    }

    @Test
    void withPricesIncludingVatTheVatIsRoundedOncePerRateOnTheSumOfItsGrossAmounts() {
        // Per line, 1.00 TTC at 5.5 % holds 0.0521… → 0.05, so three lines would make 0.15;
        // per rate, 3.00 holds 0.1564 → 0.16.
        List<LineView> lines = List.of(priced(1, "1.00", "5.5", true), priced(1, "1.00", "5.5", true),
                priced(1, "1.00", "5.5", true), priced(2, "6.00", "20", true));
        Totals totals = Pricing.totals(lines, new BigDecimal("4.80"), "EUR", true);
        assertThat(totals.byRate()).extracting(Totals.VatLine::rate).map(BigDecimal::toPlainString)
                .containsExactly("20", "5.5");
        // 12.00 of goods + 4.80 of delivery at 20 %: 16.80 TTC, 2.80 of VAT, 14.00 HT.
        assertThat(totals.byRate().get(0).vat()).isEqualByComparingTo("2.80");
        assertThat(totals.byRate().get(0).net()).isEqualByComparingTo("14.00");
        assertThat(totals.byRate().get(1).vat()).isEqualByComparingTo("0.16");
        assertThat(totals.byRate().get(1).net()).isEqualByComparingTo("2.84");
        assertThat(totals.gross()).isEqualByComparingTo("19.80");
        assertThat(totals.vat()).isEqualByComparingTo("2.96");
        assertThat(totals.net()).isEqualByComparingTo("16.84");
    }

    @Test
    void withPricesIncludingVatADiscountAppliesToTheGrossAndTheLineNetExcludesItsVat() {
        assertThat(Pricing.lineNet(3, new BigDecimal("12.50"), new BigDecimal("10"), new BigDecimal("20"), true, "EUR"))
                .isEqualByComparingTo("28.12"); // 33.75 TTC, of which 5.63 VAT
        assertThat(Pricing.lineNet(3, new BigDecimal("12.50"), new BigDecimal("10"), new BigDecimal("20"), false, "EUR"))
                .isEqualByComparingTo("33.75");
    }

    @Test
    void xofPricesIncludingVatHaveNoDecimals() {
        // 3 × 1 180 F TTC at 18 %: 3 540 F, of which 540 F VAT; 1 001 F TTC holds 152.69 → 153 F.
        Totals totals = Pricing.totals(List.of(priced(3, "1180", "18", true)), BigDecimal.ZERO, "XOF", true);
        assertThat(totals.gross()).isEqualByComparingTo("3540");
        assertThat(totals.vat()).isEqualByComparingTo("540");
        assertThat(totals.net()).isEqualByComparingTo("3000");
        Totals odd = Pricing.totals(List.of(priced(1, "1001", "18", true)), new BigDecimal("500"), "XOF", true);
        assertThat(odd.vat()).isEqualByComparingTo("229"); // 1 501 × 18 / 118 = 228.97
        assertThat(odd.gross()).isEqualByComparingTo("1501");
        assertThat(odd.net().scale()).isZero();
        assertThat(odd.vat().scale()).isZero();
    }

    @Test
    void aReturnedShareOfALineWithPricesIncludingVatIsItsShareOfTheGross() {
        LineView line = priced(3, "10.00", "20", true);
        assertThat(Pricing.grossShare(line, 1, "EUR", true)).isEqualByComparingTo("10.00");
        assertThat(Pricing.grossShare(line, 3, "EUR", true)).isEqualByComparingTo("30.00");
        assertThat(Pricing.grossShare(priced(3, "1180", "18", true), 2, "XOF", true)).isEqualByComparingTo("2360");
    }

    private static LineView priced(int quantity, String unitPrice, String rate, boolean pricesIncludeVat) {
        BigDecimal price = new BigDecimal(unitPrice);
        String currency = price.scale() == 0 ? "XOF" : "EUR";
        return new LineView(UUID.randomUUID(), UUID.randomUUID(), "S", "L", quantity, price, BigDecimal.ZERO,
                new BigDecimal(rate), Pricing.lineNet(quantity, price, BigDecimal.ZERO, new BigDecimal(rate),
                pricesIncludeVat, currency), 0);
    }

    private static LineView line(String net, String rate) {
        return new LineView(UUID.randomUUID(), UUID.randomUUID(), "S", "L", 1, new BigDecimal(net), BigDecimal.ZERO,
                new BigDecimal(rate), new BigDecimal(net), 0);
    }
}
