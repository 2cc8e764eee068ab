package app.comptoir.sales.domain;

import static app.comptoir.sales.domain.SampleOrders.NOW;
import static app.comptoir.sales.domain.SampleOrders.in;
import static app.comptoir.sales.domain.SampleOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.sales.DeliveryFailed;
import app.comptoir.sales.DeliveryUndone;
import app.comptoir.sales.OrderStatus;

/** The driver's day on the aggregate: a failed delivery back to the shop, a mistaken "delivered" taken back. */
class DriversDayTest {

    /** An order out for delivery since its first departure: its goods left the ledger then. */
    private static Order outForDelivery() {
        Order order = in(OrderStatus.PREPARING, line(2, 0));
        assertThat(order.sendOut(NOW)).isEqualTo(StockEffect.COMMIT);
        return order;
    }

    @Test
    void aFailedDeliveryBringsTheOrderBackToTheShopWithoutMovingStock() {
        Order order = outForDelivery();

        StockEffect effect = order.failDelivery(FailedDeliveryReason.ABSENT, "sonnette en panne", NOW.plusSeconds(60));

        assertThat(effect).isEqualTo(StockEffect.NONE);
        assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(order.goodsOut()).isTrue();
        assertThat(order.events()).last().isInstanceOfSatisfying(DeliveryFailed.class, e -> {
            assertThat(e.reason()).isEqualTo("ABSENT");
            assertThat(e.note()).isEqualTo("sonnette en panne");
        });
    }

    @Test
    void leavingAgainAfterAFailedDeliveryMovesNoStockASecondTime() {
        Order order = outForDelivery();
        order.failDelivery(FailedDeliveryReason.REFUSED, null, NOW);

        assertThat(order.sendOut(NOW.plusSeconds(3600))).isEqualTo(StockEffect.NONE);
        assertThat(order.status()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
    }

    @Test
    void cancellingAnOrderBackFromAFailedDeliveryRestocksItsGoods() {
        Order order = outForDelivery();
        order.failDelivery(FailedDeliveryReason.WRONG_ADDRESS, null, NOW);

        assertThat(order.cancel("client injoignable", NOW)).isEqualTo(StockEffect.RESTOCK);
        assertThat(order.soldAt()).isNull();
    }

    @Test
    void anOrderBackFromAFailedDeliveryKeepsItsGoodsOutWhenReloaded() {
        Order stored = Order.restore(SampleOrders.TENANT, java.util.UUID.randomUUID(), "CMD-2026-000003",
                OrderStatus.PREPARING, new CustomerRef(null, "Client", null), null, new BigDecimal("0.00"), null, "EUR", false,
                new BigDecimal("0.00"), null, null, null, NOW, NOW, 5, java.util.List.of(line(1, 0)), NOW);

        assertThat(stored.goodsOut()).isTrue();
        assertThat(stored.cancel(null, NOW)).isEqualTo(StockEffect.RESTOCK);
    }

    @Test
    void aFailedDeliveryNeedsAReasonAndANoteForOther() {
        Order order = outForDelivery();

        assertThatThrownBy(() -> order.failDelivery(null, null, NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> order.failDelivery(FailedDeliveryReason.OTHER, "  ", NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("note");
        assertThat(order.status()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
    }

    @Test
    void onlyAnOrderOutForDeliveryCanFailItsDelivery() {
        Order order = in(OrderStatus.CONFIRMED, line(1, 0));

        assertThatThrownBy(() -> order.failDelivery(FailedDeliveryReason.ABSENT, null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aMistakenDeliveryIsTakenBackWithoutMovingStock() {
        Order order = in(OrderStatus.DELIVERED, line(1, 0));

        StockEffect effect = order.undoDelivery(NOW.plusSeconds(10));

        assertThat(effect).isEqualTo(StockEffect.NONE);
        assertThat(order.status()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
        assertThat(order.events()).singleElement().isInstanceOf(DeliveryUndone.class);
    }

    @Test
    void aDeliveryIsTakenBackOnlyOnce() {
        Order order = in(OrderStatus.DELIVERED, line(1, 0));
        order.undoDelivery(NOW.plusSeconds(10));

        assertThatThrownBy(() -> order.undoDelivery(NOW.plusSeconds(11))).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.type()).isEqualTo("order-not-delivered"));
    }

    @Test
    void aDeliveryIsNotTakenBackAfterItsGracePeriod() {
        Order order = in(OrderStatus.DELIVERED, line(1, 0));

        assertThatThrownBy(() -> order.undoDelivery(NOW.plus(DeliveriesUndoBriefly.GRACE).plus(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.type()).isEqualTo("delivery-undo-expired"));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void aDeliveryWithReturnsIsNotTakenBack() {
        Order order = in(OrderStatus.DELIVERED, line(2, 1));

        assertThatThrownBy(() -> order.undoDelivery(NOW.plusSeconds(5))).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.type()).isEqualTo("delivery-undo-expired"));
    }
}
