package app.comptoir.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException;

class StockThresholdTest {

    private final StockThreshold threshold = new StockThreshold(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Test
    void anOverstockLevelMustLieAboveTheAlertLevel() {
        assertThatThrownBy(() -> threshold.set(new Thresholds(10, 10, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("overstockLevel");

        threshold.set(new Thresholds(10, 11, 12, 24, 7));

        assertThat(threshold.thresholds()).isEqualTo(new Thresholds(10, 11, 12, 24, 7));
    }

    @Test
    void noThresholdMayBeNegative() {
        assertThatThrownBy(() -> threshold.set(new Thresholds(null, null, -1, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reorderPoint");
    }

    @Test
    void aSlowMovingRuleAlwaysHasANumberOfDaysAndOnlyKnownChannels() {
        AlertRule rule = new AlertRule(UUID.randomUUID(), UUID.randomUUID(), AlertType.SLOW_MOVING);

        rule.change(true, null, List.of());

        assertThat(rule.getThreshold()).isEqualTo(SlowMoving.DEFAULT_DAYS);
        assertThat(rule.getChannels()).containsExactly("IN_APP");
        assertThatThrownBy(() -> rule.change(true, 10, List.of("PIGEON"))).isInstanceOf(InvalidInputException.class);
    }
}
