package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import app.comptoir.sales.domain.QuoteStatus;

class OrderStatusTest {

    @Test
    void anOrderMovesOneStepForwardOrIsCancelledBeforeDelivery() {
        assertThat(OrderStatus.DRAFT.next()).containsExactly(OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.CONFIRMED.next()).containsExactly(OrderStatus.PREPARING, OrderStatus.CANCELLED);
        assertThat(OrderStatus.PREPARING.next()).containsExactly(OrderStatus.OUT_FOR_DELIVERY, OrderStatus.CANCELLED);
        assertThat(OrderStatus.OUT_FOR_DELIVERY.next()).containsExactly(OrderStatus.DELIVERED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.DELIVERED.next()).isEmpty();
        assertThat(OrderStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void noStatusGoesBackOrSkipsAStep() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean forwardByOne = to != OrderStatus.CANCELLED && to.ordinal() == from.ordinal() + 1
                        && from != OrderStatus.DELIVERED;
                boolean cancel = to == OrderStatus.CANCELLED && !from.isFinal();
                assertThat(from.canMoveTo(to)).as("%s → %s", from, to).isEqualTo(forwardByOne || cancel);
            }
        }
    }

    @Test
    void onlyConfirmedAndPreparingOrdersHoldReservedStock() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::holdsReservation))
                .containsExactly(OrderStatus.CONFIRMED, OrderStatus.PREPARING);
    }

    @Test
    void quotesAreSentThenAnswered() {
        assertThat(QuoteStatus.DRAFT.next()).containsExactly(QuoteStatus.SENT);
        assertThat(QuoteStatus.SENT.next()).containsExactly(QuoteStatus.ACCEPTED, QuoteStatus.REJECTED, QuoteStatus.EXPIRED);
        assertThat(QuoteStatus.ACCEPTED.canMoveTo(QuoteStatus.SENT)).isFalse();
    }
}
