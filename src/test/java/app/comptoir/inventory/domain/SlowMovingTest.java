package app.comptoir.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlowMovingTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private final SlowMoving thirtyDays = SlowMoving.ofRule(null);

    @Test
    void stockReceivedLongAgoThatNeverWentOutIsSlowMoving() {
        assertThat(thirtyDays.holds(new StockLevel(3, 0), daysAgo(45), null, NOW)).isTrue();
    }

    @Test
    void aSaleWithinTheWindowKeepsStockFromBeingSlowMoving() {
        assertThat(thirtyDays.holds(new StockLevel(3, 0), daysAgo(45), daysAgo(29), NOW)).isFalse();
        assertThat(thirtyDays.holds(new StockLevel(3, 0), daysAgo(45), daysAgo(31), NOW)).isTrue();
    }

    @Test
    void stockThatArrivedWithinTheWindowOrThatIsGoneIsNotSlowMoving() {
        assertThat(thirtyDays.holds(new StockLevel(3, 0), daysAgo(10), null, NOW)).isFalse();
        assertThat(thirtyDays.holds(new StockLevel(0, 0), daysAgo(45), null, NOW)).isFalse();
    }

    @Test
    void theWindowIsTheRulesNumberOfDaysWithThirtyByDefault() {
        assertThat(thirtyDays.since(NOW)).isEqualTo(daysAgo(30));
        assertThat(SlowMoving.ofRule(7).since(NOW)).isEqualTo(daysAgo(7));
        assertThatIllegalArgumentException().isThrownBy(() -> new SlowMoving(0));
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
