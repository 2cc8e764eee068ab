package app.comptoir.sales.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;

import app.comptoir.identity.Tenants;
import app.comptoir.identity.Users;
import app.comptoir.inventory.Reservations;
import app.comptoir.inventory.StockMovements;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.sales.OrderConfirmed;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.domain.IllegalTransitionException;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Order;
import app.comptoir.sales.persistence.OrderRepository;

/** The shape of a use case: load, ask the aggregate, store, perform the stock effect, publish. */
class OrdersTest {

    private final UUID tenant = UUID.randomUUID();
    private final OrderRepository repository = mock(OrderRepository.class);
    private final SalesActor actor = mock(SalesActor.class);
    private final Reservations reservations = mock(Reservations.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final Orders orders = new Orders(repository, actor,
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), mock(BusinessTime.class),
            mock(Customers.class), mock(LinePricer.class), reservations, mock(StockMovements.class),
            mock(Users.class), mock(Tenants.class), mock(AuditRecorder.class), events);

    private Order stored(OrderStatus status) {
        LineView line = new LineView(UUID.randomUUID(), UUID.randomUUID(), "POT", "Pot", 2, new BigDecimal("10.00"),
                new BigDecimal("0.00"), new BigDecimal("20"), new BigDecimal("20.00"), 0);
        Order order = Order.restore(tenant, UUID.randomUUID(), "CMD-2026-000001", status,
                new CustomerRef(UUID.randomUUID(), "Client", null), null, new BigDecimal("0.00"), null, "EUR",
                new BigDecimal("0.00"), null, null, null, Instant.EPOCH, Instant.EPOCH, 0, List.of(line));
        when(actor.tenant()).thenReturn(tenant);
        when(actor.restrictedDriver()).thenReturn(Optional.empty());
        when(repository.lock(tenant, order.id(), Optional.empty())).thenReturn(Optional.of(order));
        return order;
    }

    @Test
    void confirmingReservesTheStockThenStoresAndPublishesOrderConfirmed() {
        Order order = stored(OrderStatus.DRAFT);

        orders.confirm(order.id());

        InOrder steps = inOrder(reservations, repository, events);
        steps.verify(reservations).reserve(eq(order.id()), eq("CMD-2026-000001"), any());
        steps.verify(repository).storeStatus(eq(order), any(), eq(null), any());
        steps.verify(events).publishEvent(any(OrderConfirmed.class));
    }

    @Test
    void aRefusedStepStoresAndPublishesNothing() {
        Order order = stored(OrderStatus.DELIVERED);

        assertThatThrownBy(() -> orders.confirm(order.id())).isInstanceOf(IllegalTransitionException.class);

        verifyNoInteractions(reservations, events);
        verify(repository, never()).storeStatus(any(), any(), anyString(), any());
    }

    @Test
    void aDriverWhoTriesToConfirmIsDeniedBeforeTheOrderIsRead() {
        when(actor.restrictedDriver()).thenReturn(Optional.of(UUID.randomUUID()));

        assertThatThrownBy(() -> orders.confirm(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("A driver may only take an order out for delivery or mark it delivered");
        verifyNoInteractions(repository);
    }
}
