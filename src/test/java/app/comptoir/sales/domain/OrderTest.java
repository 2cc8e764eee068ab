package app.comptoir.sales.domain;

import static app.comptoir.sales.domain.SampleOrders.NOW;
import static app.comptoir.sales.domain.SampleOrders.draft;
import static app.comptoir.sales.domain.SampleOrders.in;
import static app.comptoir.sales.domain.SampleOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.sales.OrderCancelled;
import app.comptoir.sales.OrderConfirmed;
import app.comptoir.sales.OrderDelivered;
import app.comptoir.sales.OrderItem;
import app.comptoir.sales.OrderSentOut;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.ReturnRecorded;

class OrderTest {

    @Test
    void confirmingADraftReservesItsLinesAndAnnouncesIt() {
        LineView pot = line(3, 0);
        Order order = draft(pot);

        StockEffect effect = order.confirm(NOW);

        assertThat(effect).isEqualTo(StockEffect.RESERVE);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.events()).singleElement().isInstanceOfSatisfying(OrderConfirmed.class, e -> {
            assertThat(e.orderId()).isEqualTo(order.id());
            assertThat(e.tenantId()).isEqualTo(SampleOrders.TENANT);
            assertThat(e.number()).isEqualTo("CMD-2026-000001");
            assertThat(e.items()).containsExactly(new OrderItem(pot.variantId(), pot.sku(), 3));
        });
    }

    @Test
    void confirmingAnEmptyOrderIsRefused() {
        Order order = draft();

        assertThatThrownBy(() -> order.confirm(NOW)).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.type()).isEqualTo("order-empty"))
                .hasMessage("Order CMD-2026-000001 has no lines to confirm");
        assertThat(order.status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(order.events()).isEmpty();
    }

    @Test
    void anIllegalMoveIsRefusedNamingTheAllowedOnes() {
        Order order = draft(line(1, 0));

        assertThatThrownBy(() -> order.sendOut(NOW)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.type()).isEqualTo("illegal-transition");
            assertThat(e.properties()).containsEntry("from", "DRAFT").containsEntry("to", "OUT_FOR_DELIVERY")
                    .containsEntry("allowed", List.of("CONFIRMED", "CANCELLED"));
        }).hasMessage("Order CMD-2026-000001 cannot go from DRAFT to OUT_FOR_DELIVERY (allowed: CONFIRMED, CANCELLED)");
        assertThat(order.status()).isEqualTo(OrderStatus.DRAFT);
    }

    @Test
    void aDeliveredOrderMovesNoMore() {
        Order order = in(OrderStatus.DELIVERED, line(1, 0));

        assertThatThrownBy(() -> order.cancel(null, NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("(DELIVERED is final)");
    }

    @Test
    void anOrderFollowsItsWorkflowToDeliveryCommittingItsStockWhenItLeaves() {
        Order order = in(OrderStatus.CONFIRMED, line(2, 0));

        assertThat(order.startPreparing(NOW)).isEqualTo(StockEffect.NONE);
        assertThat(order.sendOut(NOW)).isEqualTo(StockEffect.COMMIT);
        assertThat(order.deliver(NOW)).isEqualTo(StockEffect.NONE);

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.events()).hasExactlyElementsOfTypes(OrderSentOut.class, OrderDelivered.class);
        assertThat(order.version()).as("one stored change, one version").isEqualTo(4);
    }

    @Test
    void cancellingGivesBackWhatTheOrderHeld() {
        assertThat(draft(line(1, 0)).cancel(null, NOW)).isEqualTo(StockEffect.NONE);
        assertThat(in(OrderStatus.CONFIRMED, line(1, 0)).cancel(null, NOW)).isEqualTo(StockEffect.RELEASE);
        assertThat(in(OrderStatus.PREPARING, line(1, 0)).cancel(null, NOW)).isEqualTo(StockEffect.RELEASE);
        assertThat(in(OrderStatus.OUT_FOR_DELIVERY, line(1, 0)).cancel(null, NOW)).isEqualTo(StockEffect.RESTOCK);
    }

    @Test
    void cancellingAnnouncesTheStatusItLeft() {
        Order order = in(OrderStatus.PREPARING, line(1, 0));

        order.cancel("client absent", NOW);

        assertThat(order.events()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, e -> {
            assertThat(e.from()).isEqualTo(OrderStatus.PREPARING);
            assertThat(e.note()).isEqualTo("client absent");
        });
    }

    @Test
    void movingToAStatusTakesTheStepOfThatStatus() {
        Order order = in(OrderStatus.PREPARING, line(1, 0));

        assertThat(order.moveTo(OrderStatus.OUT_FOR_DELIVERY, null, NOW)).isEqualTo(StockEffect.COMMIT);
        assertThatThrownBy(() -> order.moveTo(OrderStatus.DRAFT, null, NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void linesChangeOnlyInADraft() {
        Order confirmed = in(OrderStatus.CONFIRMED, line(1, 0));

        assertThatThrownBy(() -> confirmed.addLine(line(2, 0), NOW)).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.type()).isEqualTo("order-not-draft"))
                .hasMessage("Order CMD-2026-000002 is CONFIRMED: lines change only in DRAFT");
        assertThatThrownBy(() -> confirmed.replaceLines(List.of(), NOW)).isInstanceOf(ComptoirException.class);
        assertThatThrownBy(confirmed::requireDeletable).hasMessageContaining("only a draft order can be deleted");
    }

    @Test
    void addingAndRemovingLinesRetotalsADraft() {
        Order order = draft(line(1, 0));
        LineView added = line(2, 0);

        order.addLine(added, NOW);
        assertThat(order.totals().gross()).isEqualByComparingTo("36.00");

        order.removeLine(added.id(), NOW);
        assertThat(order.lines()).hasSize(1);
        assertThat(order.totals().gross()).isEqualByComparingTo("12.00");
        assertThatThrownBy(() -> order.removeLine(UUID.randomUUID(), NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOrderPricedIncludingVatKeepsItsModeWhenStoredAndRefundsTheGrossShareOfAReturn() {
        BigDecimal price = new BigDecimal("12.00");
        LineView line = new LineView(UUID.randomUUID(), UUID.randomUUID(), "SKU-TTC", "Arrosoir", 3, price,
                new BigDecimal("0.00"), new BigDecimal("20"),
                Pricing.lineNet(3, price, BigDecimal.ZERO, new BigDecimal("20"), true, "EUR"), 0);
        Order delivered = Order.restore(SampleOrders.TENANT, UUID.randomUUID(), "CMD-2026-000003", OrderStatus.DELIVERED,
                new CustomerRef(UUID.randomUUID(), "Client", null), null, new BigDecimal("0.00"), null, "EUR", true,
                new BigDecimal("0.00"), null, null, null, NOW, NOW, 4, List.of(line));

        assertThat(delivered.pricesIncludeVat()).isTrue();
        assertThat(delivered.totals().net()).isEqualByComparingTo("30.00");
        assertThat(delivered.totals().vat()).isEqualByComparingTo("6.00");
        assertThat(delivered.totals().gross()).isEqualByComparingTo("36.00");
        Order.Return back = delivered.recordReturn(UUID.randomUUID(),
                List.of(new ReturnsAtMostWhatWasSold.Asked(line.id(), 1)), "Abîmé", null, NOW);
        assertThat(back.refund()).isEqualByComparingTo("12.00");
    }

    @Test
    void aDraftHoldsAtMostTwoHundredLines() {
        Order order = draft(java.util.stream.IntStream.range(0, Order.MAX_LINES).mapToObj(i -> line(1, 0))
                .toArray(LineView[]::new));

        assertThatThrownBy(order::requireRoomForLine).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theDeliveryAddressChangesUntilTheOrderLeaves() {
        Order.Scope address = new Order.Scope(false, true, false);
        in(OrderStatus.PREPARING, line(1, 0)).requireChangeable(address);

        assertThatThrownBy(() -> in(OrderStatus.OUT_FOR_DELIVERY, line(1, 0)).requireChangeable(address))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("order-locked"))
                .hasMessage("The delivery address of order CMD-2026-000002 cannot change once it is OUT_FOR_DELIVERY");
    }

    @Test
    void aClientThatSawAnOlderVersionIsRefused() {
        Order order = in(OrderStatus.DRAFT, line(1, 0));

        order.requireVersion(3L);
        order.requireVersion(null);
        assertThatThrownBy(() -> order.requireVersion(2L)).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.type()).isEqualTo("concurrent-modification"));
    }

    @Test
    void aFinishedOrderKeepsItsDriver() {
        Order order = in(OrderStatus.CANCELLED, line(1, 0));

        assertThatThrownBy(() -> order.assignDriver(UUID.randomUUID(), "Paul", NOW))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("order-locked"));
    }

    @Test
    void aReturnTakesBackWhatIsStillOutAndRefundsItsShareWithVat() {
        LineView pot = line(3, 1);
        Order order = in(OrderStatus.DELIVERED, pot);

        Order.Return taken = order.recordReturn(UUID.randomUUID(), null, " cassé ", null, NOW);

        assertThat(taken.taken()).containsEntry(pot, 2);
        assertThat(taken.refund()).isEqualByComparingTo("24.00");
        assertThat(taken.reason()).isEqualTo("cassé");
        assertThat(order.refunded()).isEqualByComparingTo("24.00");
        assertThat(order.lines().getFirst().returnedQuantity()).isEqualTo(3);
        assertThat(order.events()).singleElement().isInstanceOfSatisfying(ReturnRecorded.class, e -> {
            assertThat(e.items()).containsExactly(new OrderItem(pot.variantId(), pot.sku(), 2));
            assertThat(e.refund()).isEqualByComparingTo("24.00");
        });
    }

    @Test
    void onlyADeliveredOrderTakesReturns() {
        Order order = in(OrderStatus.OUT_FOR_DELIVERY, line(1, 0));

        assertThatThrownBy(() -> order.recordReturn(UUID.randomUUID(), null, null, null, NOW))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("order-not-delivered"));
    }

    @Test
    void aRefundNeverExceedsWhatWasPaidLessEarlierRefunds() {
        Order again = in(OrderStatus.DELIVERED, new BigDecimal("10.00"), line(1, 0));
        assertThatThrownBy(() -> again.recordReturn(UUID.randomUUID(), null, null, new BigDecimal("3.00"), NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("refund");

        Order byDefault = in(OrderStatus.DELIVERED, new BigDecimal("10.00"), line(1, 0));
        assertThat(byDefault.recordReturn(UUID.randomUUID(), null, null, null, NOW).refund()).isEqualByComparingTo("2.00");
    }
}
