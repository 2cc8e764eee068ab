package app.comptoir.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.comptoir.inventory.StockStatus;

class StockRulesTest {

    private static final Thresholds LOW_AT_5_OVER_AT_50 = new Thresholds(5, 50, null, null, null);

    @Test
    void aLevelWithNothingAvailableIsOutWhateverItsThresholds() {
        assertThat(StockRules.status(new StockLevel(0, 0), Thresholds.none())).isEqualTo(StockStatus.OUT);
        assertThat(StockRules.status(new StockLevel(3, 3), LOW_AT_5_OVER_AT_50)).isEqualTo(StockStatus.OUT);
        assertThat(StockRules.status(new StockLevel(-2, 0), LOW_AT_5_OVER_AT_50)).isEqualTo(StockStatus.OUT);
    }

    @Test
    void aLevelAtTheAlertLevelIsLowAndOneAboveItIsOk() {
        assertThat(StockRules.status(new StockLevel(5, 0), LOW_AT_5_OVER_AT_50)).isEqualTo(StockStatus.LOW);
        assertThat(StockRules.status(new StockLevel(8, 3), LOW_AT_5_OVER_AT_50)).isEqualTo(StockStatus.LOW);
        assertThat(StockRules.status(new StockLevel(6, 0), LOW_AT_5_OVER_AT_50)).isEqualTo(StockStatus.OK);
    }

    @Test
    void overstockLooksAtWhatIsOnHandNotWhatIsAvailable() {
        assertThat(StockRules.status(new StockLevel(51, 10), LOW_AT_5_OVER_AT_50)).isEqualTo(StockStatus.OVERSTOCK);
        assertThat(StockRules.status(new StockLevel(50, 0), LOW_AT_5_OVER_AT_50)).isEqualTo(StockStatus.OK);
    }

    @Test
    void aVariantWithoutThresholdsIsOkAsLongAsSomethingIsAvailable() {
        assertThat(StockRules.status(new StockLevel(1, 0), Thresholds.none())).isEqualTo(StockStatus.OK);
        assertThat(StockRules.status(new StockLevel(1_000_000, 0), Thresholds.none())).isEqualTo(StockStatus.OK);
    }

    @Test
    void aLevelAtTheLowThresholdRaisesALowStockAlert() {
        AlertChanges changes = StockRules.changes(new StockLevel(5, 0), LOW_AT_5_OVER_AT_50, allRules(), Set.of(),
                false);

        assertThat(changes.raise()).containsExactly(Map.entry(AlertType.LOW_STOCK, 5));
        assertThat(changes.resolve()).isEmpty();
    }

    @Test
    void runningOutRaisesAnOutOfStockAlertAndEndsTheLowOne() {
        AlertChanges changes = StockRules.changes(new StockLevel(0, 0), LOW_AT_5_OVER_AT_50, allRules(),
                Set.of(AlertType.LOW_STOCK), false);

        assertThat(changes.raise()).containsExactly(Map.entry(AlertType.OUT_OF_STOCK, 0));
        assertThat(changes.resolve()).containsExactly(AlertType.LOW_STOCK);
    }

    @Test
    void aChangeThatLeavesEveryConditionAsItWasDoesNothing() {
        assertThat(StockRules.changes(new StockLevel(20, 1), LOW_AT_5_OVER_AT_50, allRules(), Set.of(), false)
                .isEmpty()).isTrue();
        assertThat(StockRules.changes(new StockLevel(3, 0), LOW_AT_5_OVER_AT_50, allRules(),
                Set.of(AlertType.LOW_STOCK), false).isEmpty()).isTrue();
    }

    @Test
    void refillingAboveTheAlertLevelResolvesTheOpenLowStockAlert() {
        AlertChanges changes = StockRules.changes(new StockLevel(15, 0), LOW_AT_5_OVER_AT_50, allRules(),
                Set.of(AlertType.LOW_STOCK), false);

        assertThat(changes.raise()).isEmpty();
        assertThat(changes.resolve()).containsExactly(AlertType.LOW_STOCK);
    }

    @Test
    void withoutAnAlertLevelStockIsLowAtTheRulesPercentageOfTheReorderPoint() {
        Thresholds reorderAt10 = new Thresholds(null, null, 10, null, null);
        Map<AlertType, Integer> halfOfReorderPoint = allRules();
        halfOfReorderPoint.put(AlertType.LOW_STOCK, 50);

        assertThat(StockRules.conditions(new StockLevel(5, 0), reorderAt10, halfOfReorderPoint))
                .containsExactly(Map.entry(AlertType.LOW_STOCK, 5));
        assertThat(StockRules.conditions(new StockLevel(6, 0), reorderAt10, halfOfReorderPoint)).isEmpty();
        // The status knows only the alert level: a percentage is the alert rule's business.
        assertThat(StockRules.status(new StockLevel(5, 0), reorderAt10)).isEqualTo(StockStatus.OK);
    }

    @Test
    void aDisabledRuleRaisesNothingButItsOpenAlertIsStillResolvedWhenTheConditionEnds() {
        Map<AlertType, Integer> withoutOutOfStock = allRules();
        withoutOutOfStock.remove(AlertType.OUT_OF_STOCK);

        assertThat(StockRules.conditions(new StockLevel(0, 0), Thresholds.none(), withoutOutOfStock)).isEmpty();
        assertThat(StockRules.changes(new StockLevel(0, 0), Thresholds.none(), withoutOutOfStock,
                Set.of(AlertType.OUT_OF_STOCK), false).resolve()).containsExactly(AlertType.OUT_OF_STOCK);
    }

    @Test
    void anOverstockedLevelCanAlsoBeOutWhenEverythingIsReserved() {
        assertThat(StockRules.conditions(new StockLevel(60, 60), LOW_AT_5_OVER_AT_50, allRules()))
                .containsOnlyKeys(AlertType.OUT_OF_STOCK, AlertType.OVERSTOCK)
                .containsEntry(AlertType.OVERSTOCK, 50);
    }

    @Test
    void goodsGoingOutEndTheSlowMovingEpisode() {
        AlertChanges sale = StockRules.changes(new StockLevel(20, 0), LOW_AT_5_OVER_AT_50, allRules(),
                Set.of(AlertType.SLOW_MOVING), true);
        AlertChanges receipt = StockRules.changes(new StockLevel(20, 0), LOW_AT_5_OVER_AT_50, allRules(),
                Set.of(AlertType.SLOW_MOVING), false);

        assertThat(sale.resolve()).containsExactly(AlertType.SLOW_MOVING);
        assertThat(receipt.isEmpty()).isTrue();
    }

    @Test
    void withTheOpenAlertsUnknownEveryHoldingConditionIsRaisedAndEveryEndedOneResolved() {
        AlertChanges changes = StockRules.changes(new StockLevel(4, 0), LOW_AT_5_OVER_AT_50, allRules(), null, true);

        assertThat(changes.raise()).containsOnlyKeys(AlertType.LOW_STOCK);
        assertThat(changes.resolve()).containsExactlyInAnyOrder(AlertType.OUT_OF_STOCK, AlertType.OVERSTOCK,
                AlertType.SLOW_MOVING);
    }

    /** The default rules of a new business: every level rule on, none with a threshold of its own. */
    private static Map<AlertType, Integer> allRules() {
        Map<AlertType, Integer> rules = new EnumMap<>(AlertType.class);
        AlertType.LEVEL_TYPES.forEach(type -> rules.put(type, null));
        rules.put(AlertType.SLOW_MOVING, 30);
        return rules;
    }
}
