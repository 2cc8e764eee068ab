package app.comptoir.purchasing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReorderQuantityTest {

    @Test
    void whatIsOnOrderIsSubtractedAndTheRestRoundedUpToTheMinimumAndWholePacks() {
        assertThat(ReorderQuantity.need(20, 5)).isEqualTo(15);
        assertThat(ReorderQuantity.need(4, 10)).isZero();
        assertThat(ReorderQuantity.toOrder(15, 6, 12)).isEqualTo(18);
        assertThat(ReorderQuantity.toOrder(1, 10, 1)).isEqualTo(10);
        assertThat(ReorderQuantity.toOrder(3, 1, 5)).isEqualTo(5);
        assertThat(ReorderQuantity.toOrder(10, 6, 10)).isEqualTo(12);
        assertThat(ReorderQuantity.toOrder(0, 6, 10)).isZero();
    }

    @Test
    void aRecurringOrderRunsOnItsWeekdayAndSkipsTheRunsMissed() {
        RecurringSchedule everyTwoMondays = new RecurringSchedule(2, 1);
        java.time.LocalDate wednesday = java.time.LocalDate.of(2026, 12, 2);
        assertThat(everyTwoMondays.firstOnOrAfter(wednesday)).isEqualTo(java.time.LocalDate.of(2026, 12, 7));
        assertThat(everyTwoMondays.after(java.time.LocalDate.of(2026, 12, 7), java.time.LocalDate.of(2026, 12, 7)))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 21));
        assertThat(everyTwoMondays.after(java.time.LocalDate.of(2026, 12, 7), java.time.LocalDate.of(2027, 1, 10)))
                .isEqualTo(java.time.LocalDate.of(2027, 1, 18));
    }
}
