package app.comptoir.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentState;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSummary;
import app.comptoir.sales.OrderStatus;

/** What an order owes, where its payment stands, and who collects it at the door. */
class OrderPaymentTest {

    private static final BigDecimal GROSS = new BigDecimal("24.00");

    private static PaymentSummary summary(String due, String paid, String refunded, PaymentState state) {
        return new PaymentSummary(PaymentSubject.order(UUID.randomUUID()), "EUR", new BigDecimal(due),
                new BigDecimal(paid), new BigDecimal(refunded), state);
    }

    @Nested
    class OrderDueTest {

        @Test
        void aDraftOwesNothingYet() {
            assertThat(OrderDue.of(OrderStatus.DRAFT, GROSS, BigDecimal.ZERO)).isEmpty();
        }

        @Test
        void aConfirmedOrderOwesItsTotalLessWhatItsReturnsCredited() {
            assertThat(OrderDue.of(OrderStatus.CONFIRMED, GROSS, BigDecimal.ZERO)).contains(GROSS);
            assertThat(OrderDue.of(OrderStatus.DELIVERED, GROSS, new BigDecimal("12.00"))).contains(new BigDecimal("12.00"));
            assertThat(OrderDue.of(OrderStatus.DELIVERED, GROSS, new BigDecimal("30.00"))).contains(BigDecimal.ZERO);
        }

        @Test
        void aCancelledOrderOwesNothing() {
            assertThat(OrderDue.of(OrderStatus.CANCELLED, GROSS, BigDecimal.ZERO)).contains(BigDecimal.ZERO);
        }
    }

    @Test
    void anOrderPaymentsNeverHeardOfOwesWhatItsStatusSays() {
        OrderPayment legacy = OrderPayment.of(summary("0", "0", "0", PaymentState.UNPAID), OrderStatus.DELIVERED, GROSS,
                BigDecimal.ZERO);
        assertThat(legacy.due()).isEqualByComparingTo("24.00");
        assertThat(legacy.toCollect()).isEqualByComparingTo("24.00");
        assertThat(legacy.state()).isEqualTo(PaymentState.UNPAID);
        assertThat(OrderPayment.of(summary("0", "0", "0", PaymentState.UNPAID), OrderStatus.DRAFT, GROSS,
                BigDecimal.ZERO).due()).isEqualByComparingTo("0");
    }

    @Test
    void whatIsLeftToCollectIsTheDueLessWhatWasPaidAndKept() {
        OrderPayment partly = OrderPayment.of(summary("24.00", "30.00", "20.00", PaymentState.PARTLY_PAID),
                OrderStatus.DELIVERED, GROSS, BigDecimal.ZERO);
        assertThat(partly.net()).isEqualByComparingTo("10.00");
        assertThat(partly.toCollect()).isEqualByComparingTo("14.00");
        assertThat(partly.overpaid()).isEqualByComparingTo("0");
        assertThat(partly.settled()).isFalse();
    }

    @Test
    void aCancelledOrderPaidBeforeHoldsMoneyToGiveBack() {
        OrderPayment held = OrderPayment.of(summary("0", "24.00", "0", PaymentState.PAID), OrderStatus.CANCELLED, GROSS,
                BigDecimal.ZERO);
        assertThat(held.toCollect()).isEqualByComparingTo("0");
        assertThat(held.overpaid()).isEqualByComparingTo("24.00");
        assertThat(held.shownFor(OrderStatus.CANCELLED)).isTrue();
        OrderPayment nothing = OrderPayment.of(summary("0", "0", "0", PaymentState.UNPAID), OrderStatus.CANCELLED,
                GROSS, BigDecimal.ZERO);
        assertThat(nothing.shownFor(OrderStatus.CANCELLED)).isFalse();
        assertThat(nothing.shownFor(OrderStatus.DRAFT)).isFalse();
    }

    @Nested
    class DriversCollectOnDeliveryTest {

        private final UUID me = UUID.randomUUID();

        @Test
        void aDriverCollectsCashOrCardAtTheDoorOfTheirOwnOrder() {
            assertThat(DriversCollectOnDelivery.collect(me, me, OrderStatus.OUT_FOR_DELIVERY, PaymentMethod.CASH)
                    .allowed()).isTrue();
            assertThat(DriversCollectOnDelivery.collect(me, me, OrderStatus.DELIVERED, PaymentMethod.CARD_TERMINAL)
                    .allowed()).isTrue();
        }

        @Test
        void anotherDriversOrderATransferOrAnOrderAtTheShopAreTheOffices() {
            Decision other = DriversCollectOnDelivery.collect(me, UUID.randomUUID(), OrderStatus.OUT_FOR_DELIVERY,
                    PaymentMethod.CASH);
            assertThat(other.problem()).isEqualTo("forbidden");
            assertThat(DriversCollectOnDelivery.collect(me, me, OrderStatus.DELIVERED, PaymentMethod.TRANSFER).problem())
                    .isEqualTo("forbidden");
            assertThat(DriversCollectOnDelivery.collect(me, me, OrderStatus.PREPARING, PaymentMethod.CASH).problem())
                    .isEqualTo("order-not-out-for-delivery");
        }
    }
}
