package app.comptoir.notifications.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.comptoir.bookings.AppointmentBooked;
import app.comptoir.inspections.InspectionCompleted;
import app.comptoir.inventory.StockAlertRaised;
import app.comptoir.payments.PaymentRefunded;
import app.comptoir.payments.PaymentSucceeded;
import app.comptoir.purchasing.PurchaseOrderSent;
import app.comptoir.sales.OrderCancelled;
import app.comptoir.sales.OrderConfirmed;
import app.comptoir.sales.OrderDelivered;
import app.comptoir.sales.OrderSentOut;
import app.comptoir.sales.ReturnRecorded;

/**
 * The domain events that go out to RabbitMQ (docs/events.md), each with its routing key (the names webhook
 * receivers already know) and the message it becomes. The list lives here, not as annotations on the events, so
 * the modules' published records stay plain. A message carries the business's id and ids, never a secret: the
 * appointment's manage token and the customer's address, the supplier's e-mail are left out.
 */
final class OutsideEvents {

    /** The version of the message shape; fields may be added within a version, never removed or renamed. */
    static final int VERSION = 1;

    /** One event type that goes out: its routing key, the business it belongs to and what the message says. */
    record Outgoing<T>(Class<T> type, String key, Function<T, UUID> tenant, Function<T, Object> data) {
    }

    /** What a consumer receives, as JSON. */
    record Message(String type, int version, UUID tenantId, Object data) {
    }

    /** The data of an appointment booked, without the customer's details and the manage token. */
    record AppointmentData(UUID appointmentId, String reference, String serviceName, String resourceName,
                           Instant startsAt, Instant endsAt, String zone, BigDecimal price, String currency,
                           boolean paidOnline) {
    }

    /** The data of a purchase order sent, without the supplier's e-mail address. */
    record PurchaseOrderData(UUID orderId, String number, UUID supplierId, boolean connected) {
    }

    static final List<Outgoing<?>> ALL = List.of(
            new Outgoing<>(OrderConfirmed.class, "order.confirmed", OrderConfirmed::tenantId, e -> e),
            new Outgoing<>(OrderSentOut.class, "order.out_for_delivery", OrderSentOut::tenantId, e -> e),
            new Outgoing<>(OrderDelivered.class, "order.delivered", OrderDelivered::tenantId, e -> e),
            new Outgoing<>(OrderCancelled.class, "order.cancelled", OrderCancelled::tenantId, e -> e),
            new Outgoing<>(ReturnRecorded.class, "order.returned", ReturnRecorded::tenantId, e -> e),
            new Outgoing<>(StockAlertRaised.class, "stock.alert", StockAlertRaised::tenantId, e -> e),
            new Outgoing<>(PaymentSucceeded.class, "payment.succeeded", PaymentSucceeded::tenantId, e -> e),
            new Outgoing<>(PaymentRefunded.class, "payment.refunded", PaymentRefunded::tenantId, e -> e),
            new Outgoing<>(PurchaseOrderSent.class, "purchase_order.sent", PurchaseOrderSent::tenantId,
                    e -> new PurchaseOrderData(e.orderId(), e.number(), e.supplierId(), e.connected())),
            new Outgoing<>(AppointmentBooked.class, "appointment.booked", AppointmentBooked::tenantId,
                    e -> new AppointmentData(e.appointmentId(), e.reference(), e.serviceName(), e.resourceName(),
                            e.startsAt(), e.endsAt(), e.zone(), e.price(), e.currency(), e.paidOnline())),
            new Outgoing<>(InspectionCompleted.class, "inspection.completed", InspectionCompleted::tenantId, e -> e));

    private static final Map<Class<?>, Outgoing<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Outgoing::type, o -> o));

    private OutsideEvents() {
    }

    /** How the event goes out, if it does. */
    static Optional<Outgoing<?>> of(Object event) {
        return Optional.ofNullable(BY_TYPE.get(event.getClass()));
    }

    /** The message the event becomes (the event itself when it does not go out). */
    static Object message(Object event) {
        return of(event).<Object>map(o -> message(o, event)).orElse(event);
    }

    private static <T> Message message(Outgoing<T> outgoing, Object event) {
        T typed = outgoing.type().cast(event);
        return new Message(outgoing.key(), VERSION, outgoing.tenant().apply(typed), outgoing.data().apply(typed));
    }
}
