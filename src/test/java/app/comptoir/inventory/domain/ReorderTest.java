package app.comptoir.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ReorderTest {

    @Test
    void aVariantAtItsReorderPointIsDueAndOneWithoutReorderPointNever() {
        assertThat(Reorder.due(10, 10)).isTrue();
        assertThat(Reorder.due(11, 10)).isFalse();
        assertThat(Reorder.due(-5, null)).isFalse();
    }

    @Test
    void theSuggestionCoversTheLeadTimeAndGetsBackAboveTheReorderPoint() {
        // 0.5 a day over 7 days: 4 units (rounded up), plus 10 - 5 + 1 to get above the reorder point.
        assertThat(Reorder.suggestedQuantity(5, 10, null, new BigDecimal("0.50"), 7)).isEqualTo(10);
    }

    @Test
    void theSuggestionIsAtLeastTheReorderQuantityAndAtLeastOne() {
        assertThat(Reorder.suggestedQuantity(5, 10, 24, new BigDecimal("0.50"), 7)).isEqualTo(24);
        assertThat(Reorder.suggestedQuantity(100, 0, null, BigDecimal.ZERO, 7)).isEqualTo(1);
    }

    @Test
    void theAverageDemandIsTakenOverThirtyDaysAndALeadTimeDefaultsToAWeek() {
        assertThat(Reorder.averageDailyOut(15)).isEqualByComparingTo("0.50");
        assertThat(Reorder.averageDailyOut(1)).isEqualByComparingTo("0.03");
        assertThat(Reorder.leadTime(null)).isEqualTo(7);
        assertThat(Reorder.leadTime(3)).isEqualTo(3);
    }
}
