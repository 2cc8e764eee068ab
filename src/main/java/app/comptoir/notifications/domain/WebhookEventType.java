package app.comptoir.notifications.domain;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, by the name receivers see in {@code type}. */
public enum WebhookEventType {
    ORDER_CREATED("order.created"),
    ORDER_CONFIRMED("order.confirmed"),
    ORDER_OUT_FOR_DELIVERY("order.out_for_delivery"),
    ORDER_DELIVERED("order.delivered"),
    ORDER_CANCELLED("order.cancelled"),
    STOCK_ALERT("stock.alert"),
    PRODUCT_CHANGED("product.changed");

    /** The type of the event the "send a test event" button sends (no endpoint subscribes to it). */
    public static final String TEST = "webhook.test";

    private final String type;

    WebhookEventType(String type) {
        this.type = type;
    }

    /** The name receivers see, e.g. {@code order.created}. */
    public String type() {
        return type;
    }

    /** The event type of that name, if it is one. */
    public static Optional<WebhookEventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
