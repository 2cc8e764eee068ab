package app.comptoir.storefront.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException;

class DeliveryRulesTest {

    private static final DeliveryRules DAKAR = new DeliveryRules(new BigDecimal("2500"), new BigDecimal("50000"),
            List.of(new DeliveryRules.Zone("Plateau", List.of("10"), new BigDecimal("1000")),
                    new DeliveryRules.Zone("Plateau nord", List.of("105"), new BigDecimal("1500"))),
            new DeliveryRules.Slots(true, 2, List.of(new DeliveryRules.Slot("09:00–12:00", 2),
                    new DeliveryRules.Slot("14:00–18:00", 5))));

    @Test
    void theFlatFeeAppliesOutsideEveryZone() {
        assertThat(DAKAR.fee(new BigDecimal("12000"), "20000", "XOF")).isEqualByComparingTo("2500");
        assertThat(DAKAR.fee(new BigDecimal("12000"), null, "XOF")).isEqualByComparingTo("2500");
    }

    @Test
    void theLongestMatchingPostcodePrefixGivesTheFee() {
        assertThat(DAKAR.fee(new BigDecimal("12000"), "10200", "XOF")).isEqualByComparingTo("1000");
        assertThat(DAKAR.fee(new BigDecimal("12000"), "10 500", "XOF")).isEqualByComparingTo("1500");
    }

    @Test
    void deliveryIsFreeFromTheAmountWhateverTheZone() {
        assertThat(DAKAR.fee(new BigDecimal("50000"), "10500", "XOF")).isEqualByComparingTo("0");
        assertThat(DAKAR.missingForFree(new BigDecimal("45000"))).contains(new BigDecimal("5000"));
        assertThat(DAKAR.missingForFree(new BigDecimal("60000"))).isEmpty();
    }

    @Test
    void feesAreRoundedToTheCurrencysDecimals() {
        DeliveryRules euros = new DeliveryRules(new BigDecimal("4.9"), null, List.of(), null);

        assertThat(euros.fee(BigDecimal.TEN, "75001", "EUR")).isEqualTo(new BigDecimal("4.90"));
    }

    @Test
    void slotsAreOfferedFromTomorrowWithWhatEachCanStillTake() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        Map<String, Integer> taken = Map.of(DeliveryRules.slotKey(today.plusDays(1), "09:00–12:00"), 2);

        List<DeliveryRules.OfferedSlot> slots = DAKAR.offered(today, taken);

        assertThat(slots).hasSize(4);
        assertThat(slots.getFirst()).isEqualTo(new DeliveryRules.OfferedSlot(today.plusDays(1), "09:00–12:00", 2, 0));
        assertThat(slots.getFirst().full()).isTrue();
        assertThat(slots.get(1).remaining()).isEqualTo(5);
        assertThat(DAKAR.slot(today, today, "09:00–12:00")).isEmpty();
        assertThat(DAKAR.slot(today, today.plusDays(3), "09:00–12:00")).isEmpty();
        assertThat(DAKAR.slot(today, today.plusDays(2), "14:00–18:00")).isPresent();
    }

    @Test
    void brokenRulesReportEveryFieldAtOnce() {
        DeliveryRules broken = new DeliveryRules(new BigDecimal("-1"), new BigDecimal("10.5"),
                List.of(new DeliveryRules.Zone("", List.of(), null)),
                new DeliveryRules.Slots(true, 0, List.of(new DeliveryRules.Slot("Matin", 0))));

        assertThatThrownBy(() -> broken.validated("XOF")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder(
                        "flatFee", "freeAbove", "zones[0].name", "zones[0].prefixes", "zones[0].fee",
                        "slots.daysAhead", "slots.perDay[0].capacity"));
    }

    @Test
    void aPrefixInTwoZonesIsRefused() {
        DeliveryRules twice = new DeliveryRules(BigDecimal.ZERO, null, List.of(
                new DeliveryRules.Zone("A", List.of("10"), BigDecimal.ONE),
                new DeliveryRules.Zone("B", List.of("10"), BigDecimal.ONE)), null);

        assertThatThrownBy(() -> twice.validated("XOF")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid");
    }
}
