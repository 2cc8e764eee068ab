package app.comptoir.purchasing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;

class PurchaseOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SUPPLIER_BUSINESS = UUID.randomUUID();

    private static PurchaseOrderLine line(int quantity, String cost) {
        return new PurchaseOrderLine(UUID.randomUUID(), 1, UUID.randomUUID(), null, "SKU", "Terreau", quantity,
                new BigDecimal(cost), 0);
    }

    private static PurchaseOrder order(boolean connected, PurchaseOrderLine... lines) {
        PurchaseOrder order = PurchaseOrder.draft(TENANT, UUID.randomUUID(), UUID.randomUUID(),
                connected ? SUPPLIER_BUSINESS : null, "Grossiste", "Boutique", "EUR", null, null, List.of(lines), null,
                null, NOW, null);
        order.numbered("ACH-2026-000001");
        return order;
    }

    private static void assertRefused(Runnable act) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.type()).isEqualTo(PurchaseOrderTransitionException.TYPE));
    }

    @Test
    void aManualOrderGoesThroughEveryStepFromTheBuyersSide() {
        PurchaseOrder order = order(false, line(3, "2.50"));

        order.send(Side.BUYER, NOW, null);
        order.confirm(Side.BUYER, NOW, null);
        order.ship(Side.BUYER, NOW, null);
        order.markDelivered(Side.BUYER, NOW, null);

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.DELIVERED);
        assertThat(order.recorded()).extracting(StatusChange::status).containsExactly(PurchaseOrderStatus.DRAFT,
                PurchaseOrderStatus.SENT, PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.SHIPPED,
                PurchaseOrderStatus.DELIVERED);
        assertThat(order.reachedAt(PurchaseOrderStatus.SHIPPED)).isEqualTo(NOW);
    }

    @Test
    void aConnectedOrderIsConfirmedShippedAndDeliveredOnlyByItsSupplier() {
        PurchaseOrder order = order(true, line(3, "2.50"));
        order.send(Side.BUYER, NOW, null);

        assertRefused(() -> order.confirm(Side.BUYER, NOW, null));
        order.confirm(Side.SUPPLIER, NOW, null);
        assertRefused(() -> order.ship(Side.BUYER, NOW, null));
        order.ship(Side.SUPPLIER, NOW, null);
        assertRefused(() -> order.markDelivered(Side.BUYER, NOW, null));
        order.markDelivered(Side.SUPPLIER, NOW, null);

        assertThat(order.recorded().getLast().bySupplier()).isTrue();
    }

    @Test
    void theSupplierSendsNothingAndMovesNoManualOrder() {
        PurchaseOrder connected = order(true, line(1, "1"));
        assertRefused(() -> connected.send(Side.SUPPLIER, NOW, null));
        PurchaseOrder manual = order(false, line(1, "1"));
        manual.send(Side.BUYER, NOW, null);
        assertRefused(() -> manual.confirm(Side.SUPPLIER, NOW, null));
    }

    @Test
    void skippingAStepIsRefusedNamingWhatIsAllowed() {
        PurchaseOrder order = order(false, line(1, "1"));

        assertThatThrownBy(() -> order.ship(Side.BUYER, NOW, null))
                .isInstanceOfSatisfying(PurchaseOrderTransitionException.class, e -> {
                    assertThat(e.getMessage()).contains("DRAFT", "SHIPPED");
                    assertThat(e.properties()).containsEntry("allowed", List.of("SENT", "CANCELLED"));
                });
    }

    @Test
    void anEmptyDraftIsNotSent() {
        assertThatThrownBy(() -> order(false).send(Side.BUYER, NOW, null))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("purchase-order-empty"));
    }

    @Test
    void theBuyerCancelsOnlyADraftOrASentOrder() {
        PurchaseOrder sent = order(false, line(1, "1"));
        sent.send(Side.BUYER, NOW, null);
        sent.cancel(Side.BUYER, null, NOW, null);
        assertThat(sent.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);

        PurchaseOrder confirmed = order(false, line(1, "1"));
        confirmed.send(Side.BUYER, NOW, null);
        confirmed.confirm(Side.BUYER, NOW, null);
        assertRefused(() -> confirmed.cancel(Side.BUYER, "trop tard", NOW, null));
    }

    @Test
    void theSupplierRefusesASentOrderWithAReason() {
        PurchaseOrder order = order(true, line(1, "1"));
        order.send(Side.BUYER, NOW, null);

        assertThatThrownBy(() -> order.cancel(Side.SUPPLIER, " ", NOW, null)).isInstanceOf(InvalidInputException.class);
        order.cancel(Side.SUPPLIER, "Rupture chez nous", NOW, null);

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThat(order.cancelReason()).isEqualTo("Rupture chez nous");
        assertThat(order.recorded().getLast().bySupplier()).isTrue();
    }

    @Test
    void aPartialReceiptKeepsTheOrderOpenAndTheRestCompletesIt() {
        PurchaseOrderLine a = line(10, "2.00");
        PurchaseOrderLine b = line(4, "5.00");
        PurchaseOrder order = order(false, a, b);
        order.send(Side.BUYER, NOW, null);

        List<ReceivedLine> first = order.receive(Side.BUYER,
                List.of(new LineQuantity(a.id(), 6), new LineQuantity(b.id(), 0)), NOW, null);
        assertThat(first).singleElement().satisfies(r -> assertThat(r.quantity()).isEqualTo(6));
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.SENT);

        order.receive(Side.BUYER, List.of(new LineQuantity(a.id(), 4), new LineQuantity(b.id(), 4)), NOW, null);

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.DELIVERED);
        assertThat(order.lines()).allSatisfy(l -> assertThat(l.remaining()).isZero());
    }

    @Test
    void receivingMoreThanRemainsIsRefusedOnTheField() {
        PurchaseOrderLine a = line(5, "2.00");
        PurchaseOrder order = order(false, a);
        order.send(Side.BUYER, NOW, null);
        order.receive(Side.BUYER, List.of(new LineQuantity(a.id(), 3)), NOW, null);

        assertThatThrownBy(() -> order.receive(Side.BUYER, List.of(new LineQuantity(a.id(), 3)), NOW, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("lines[0].quantity");
                            assertThat(f.message()).contains("2");
                        }));
        assertThat(order.lines().getFirst().receivedQuantity()).isEqualTo(3);
    }

    @Test
    void aDraftOrACancelledOrderReceivesNothing() {
        PurchaseOrderLine a = line(5, "2.00");
        PurchaseOrder order = order(false, a);
        assertRefused(() -> order.receive(Side.BUYER, List.of(new LineQuantity(a.id(), 1)), NOW, null));
        order.cancel(Side.BUYER, null, NOW, null);
        assertRefused(() -> order.receive(Side.BUYER, List.of(new LineQuantity(a.id(), 1)), NOW, null));
    }

    @Test
    void theTotalIsInTheCurrencysDecimals() {
        assertThat(order(false, line(3, "0.335"), line(1, "1.10")).total()).isEqualByComparingTo("2.11");
    }

    @Test
    void theLastCostIsTheUnitCostJustPaid() {
        assertThat(CostMethod.LAST.costAfter(new BigDecimal("10.00"), 100, new BigDecimal("12.00"), 5, "EUR"))
                .isEqualByComparingTo("12.00");
    }

    @Test
    void theWeightedAverageWeighsStockOnHandAgainstWhatArrives() {
        // 10 on hand at 4.00 and 30 received at 6.00: (40 + 180) / 40 = 5.50
        assertThat(CostMethod.WEIGHTED_AVERAGE.costAfter(new BigDecimal("4.00"), 10, new BigDecimal("6.00"), 30, "EUR"))
                .isEqualByComparingTo("5.50");
        // FCFA has no decimals: (3 × 1000 + 1 × 1001) / 4 = 1000.25 → 1000
        assertThat(CostMethod.WEIGHTED_AVERAGE.costAfter(new BigDecimal("1000"), 3, new BigDecimal("1001"), 1, "XOF"))
                .isEqualByComparingTo("1000").satisfies(c -> assertThat(c.scale()).isZero());
    }

    @Test
    void withNothingOnHandOrNoCostTheAverageIsTheUnitCost() {
        assertThat(CostMethod.WEIGHTED_AVERAGE.costAfter(new BigDecimal("4.00"), 0, new BigDecimal("6.00"), 3, "EUR"))
                .isEqualByComparingTo("6.00");
        assertThat(CostMethod.WEIGHTED_AVERAGE.costAfter(null, 12, new BigDecimal("6.00"), 3, "EUR"))
                .isEqualByComparingTo("6.00");
    }
}
