package app.comptoir.sales.domain;

import static app.comptoir.sales.domain.SampleOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.sales.OrderStatus;

class PoliciesTest {

    @Nested
    class LinesChangeOnlyInDraftTest {

        @Test
        void aDraftsLinesMayChange() {
            assertThat(LinesChangeOnlyInDraft.change("CMD-1", OrderStatus.DRAFT, "lines").allowed()).isTrue();
        }

        @Test
        void aConfirmedOrdersLinesMayNotChange() {
            Decision decision = LinesChangeOnlyInDraft.change("CMD-1", OrderStatus.CONFIRMED, "lines");

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.problem()).isEqualTo("order-not-draft");
            assertThat(decision.reason()).isEqualTo("Order CMD-1 is CONFIRMED: lines change only in DRAFT");
        }

        @Test
        void onlyADraftIsDeletedTheOthersAreCancelled() {
            assertThat(LinesChangeOnlyInDraft.deletion("CMD-1", OrderStatus.DRAFT).allowed()).isTrue();
            assertThat(Arrays.stream(OrderStatus.values()).filter(s -> s != OrderStatus.DRAFT)
                    .map(s -> LinesChangeOnlyInDraft.deletion("CMD-1", s)))
                    .allSatisfy(d -> assertThat(d.reason()).endsWith("only a draft order can be deleted (cancel it instead)"));
        }
    }

    @Nested
    class DriversDeliverOnlyTheirOwnOrdersTest {

        private final Optional<UUID> driver = Optional.of(UUID.randomUUID());

        @Test
        void aDriverTakesOrdersOutAndDeliversThem() {
            assertThat(DriversDeliverOnlyTheirOwnOrders.move(driver, OrderStatus.OUT_FOR_DELIVERY).allowed()).isTrue();
            assertThat(DriversDeliverOnlyTheirOwnOrders.move(driver, OrderStatus.DELIVERED).allowed()).isTrue();
        }

        @Test
        void aDriverNeitherConfirmsNorPreparesNorCancels() {
            for (OrderStatus target : List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.CANCELLED)) {
                Decision decision = DriversDeliverOnlyTheirOwnOrders.move(driver, target);
                assertThat(decision.allowed()).as(target.name()).isFalse();
                assertThat(decision.reason())
                        .isEqualTo("A driver may only take an order out for delivery or mark it delivered");
            }
        }

        @Test
        void someoneWhoIsNotOnlyADriverMovesOrdersFreely() {
            assertThat(DriversDeliverOnlyTheirOwnOrders.move(Optional.empty(), OrderStatus.CANCELLED).allowed()).isTrue();
        }

        @Test
        void aDriverSeesOnlyTheOrdersAssignedToThem() {
            assertThat(DriversDeliverOnlyTheirOwnOrders.sees(driver, driver.get())).isTrue();
            assertThat(DriversDeliverOnlyTheirOwnOrders.sees(driver, UUID.randomUUID())).isFalse();
            assertThat(DriversDeliverOnlyTheirOwnOrders.sees(driver, null)).isFalse();
            assertThat(DriversDeliverOnlyTheirOwnOrders.sees(Optional.empty(), UUID.randomUUID())).isTrue();
        }
    }

    @Nested
    class AddressChangesUntilDepartureTest {

        @Test
        void theAddressChangesWhileTheOrderIsAtTheShop() {
            for (OrderStatus s : List.of(OrderStatus.DRAFT, OrderStatus.CONFIRMED, OrderStatus.PREPARING)) {
                assertThat(AddressChangesUntilDeparture.change("CMD-1", s).allowed()).as(s.name()).isTrue();
            }
        }

        @Test
        void theAddressIsLockedOnceTheOrderHasLeft() {
            for (OrderStatus s : List.of(OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED, OrderStatus.CANCELLED)) {
                Decision decision = AddressChangesUntilDeparture.change("CMD-1", s);
                assertThat(decision.allowed()).as(s.name()).isFalse();
                assertThat(decision.problem()).isEqualTo("order-locked");
            }
        }
    }

    @Nested
    class FinishedOrdersAreLockedTest {

        @Test
        void aMovingOrderMayChangeItsNotesAndDriver() {
            assertThat(FinishedOrdersAreLocked.change("CMD-1", OrderStatus.OUT_FOR_DELIVERY).allowed()).isTrue();
        }

        @Test
        void aDeliveredOrCancelledOrderIsLocked() {
            assertThat(FinishedOrdersAreLocked.change("CMD-1", OrderStatus.DELIVERED))
                    .isEqualTo(Decision.refuse("order-locked", "Order CMD-1 is DELIVERED"));
            assertThat(FinishedOrdersAreLocked.change("CMD-1", OrderStatus.CANCELLED).allowed()).isFalse();
        }
    }

    @Nested
    class ReturnsAtMostWhatWasSoldTest {

        private final LineView pot = line(3, 1);
        private final LineView saucer = line(2, 0);

        @Test
        void askingForNothingInParticularTakesEverythingStillOut() {
            assertThat(ReturnsAtMostWhatWasSold.taken("CMD-1", List.of(pot, saucer), List.of()))
                    .containsExactly(Map.entry(pot.id(), 2), Map.entry(saucer.id(), 2));
        }

        @Test
        void aReturnOfEverythingAlreadyReturnedIsRefused() {
            assertThatThrownBy(() -> ReturnsAtMostWhatWasSold.taken("CMD-1", List.of(line(2, 2)), null))
                    .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("nothing-to-return"))
                    .hasMessage("Everything of order CMD-1 was already returned");
        }

        @Test
        void aLineTakesAtMostWhatWasSoldLessWhatCameBack() {
            assertThat(ReturnsAtMostWhatWasSold.taken("CMD-1", List.of(pot),
                    List.of(new ReturnsAtMostWhatWasSold.Asked(pot.id(), 2)))).containsExactly(Map.entry(pot.id(), 2));

            assertThatThrownBy(() -> ReturnsAtMostWhatWasSold.taken("CMD-1", List.of(pot),
                    List.of(new ReturnsAtMostWhatWasSold.Asked(pot.id(), 3))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(f -> {
                                assertThat(f.field()).isEqualTo("lines[0].quantity");
                                assertThat(f.message()).isEqualTo("must be between 1 and 2 (sold 3, returned 1)");
                            }));
        }

        @Test
        void aLineNamedTwiceCountsBothTimes() {
            assertThatThrownBy(() -> ReturnsAtMostWhatWasSold.taken("CMD-1", List.of(pot), List.of(
                    new ReturnsAtMostWhatWasSold.Asked(pot.id(), 1), new ReturnsAtMostWhatWasSold.Asked(pot.id(), 2))))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo("lines[1].quantity"));
        }

        @Test
        void aLineOfAnotherOrderIsRefused() {
            assertThatThrownBy(() -> ReturnsAtMostWhatWasSold.taken("CMD-1", List.of(pot),
                    List.of(new ReturnsAtMostWhatWasSold.Asked(UUID.randomUUID(), 1))))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().getFirst().message()).isEqualTo("is not a line of this order"));
        }
    }

    @Nested
    class QuoteValidityTest {

        private final LocalDate today = LocalDate.of(2026, 11, 25);

        @Test
        void aQuoteIsValidThirtyDaysByDefault() {
            assertThat(QuoteValidity.until(null, today)).isEqualTo(today.plusDays(30));
        }

        @Test
        void aQuoteIsNeitherBornExpiredNorValidBeyondTwoYears() {
            assertThat(QuoteValidity.until(today, today)).isEqualTo(today);
            assertThatThrownBy(() -> QuoteValidity.until(today.minusDays(1), today))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> QuoteValidity.until(today.plusYears(2).plusDays(1), today))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
