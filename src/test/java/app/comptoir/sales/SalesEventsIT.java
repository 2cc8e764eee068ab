package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The order workflow announces each step to other modules through the sales module's published events, with
 * what a listener needs, and announces nothing for a step it refused.
 */
@IntegrationTest
class SalesEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventMulticaster multicaster;

    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload().getClass().getPackageName().equals("app.comptoir.sales")) {
            published.add(payload.getPayload());
        }
    };

    @BeforeEach
    void listen() {
        multicaster.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(recorder);
    }

    private <T> List<T> of(Class<T> type, UUID orderId) {
        return published.stream().filter(type::isInstance).map(type::cast)
                .filter(e -> orderId.equals(switch (e) {
                    case OrderConfirmed c -> c.orderId();
                    case OrderSentOut s -> s.orderId();
                    case OrderDelivered d -> d.orderId();
                    case OrderCancelled c -> c.orderId();
                    case ReturnRecorded r -> r.orderId();
                    default -> null;
                })).toList();
    }

    @Test
    void everyStepOfAnOrderIsAnnouncedWithItsLinesAndTheReturnWithItsRefund() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot en terre cuite", "POT-EV", "10.00", 20, 10);
        JsonPath order = shop.order(pot, 3);
        UUID id = UUID.fromString(order.getString("id"));
        String line = order.getString("lines[0].id");

        shop.move(id.toString(), "CONFIRMED");
        OrderConfirmed confirmed = of(OrderConfirmed.class, id).getFirst();
        assertThat(confirmed.number()).isEqualTo(order.getString("number"));
        assertThat(confirmed.items()).containsExactly(new OrderItem(UUID.fromString(pot), "POT-EV", 3));
        assertThat(confirmed.tenantId()).isNotNull();

        shop.move(id.toString(), "PREPARING");
        shop.move(id.toString(), "OUT_FOR_DELIVERY");
        assertThat(of(OrderSentOut.class, id)).singleElement()
                .satisfies(s -> assertThat(s.items()).extracting(OrderItem::quantity).containsExactly(3));
        shop.move(id.toString(), "DELIVERED");
        assertThat(of(OrderDelivered.class, id)).hasSize(1);

        shop.call().body(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "reason", "Pot fêlé"))
                .post("/api/v1/orders/" + id + "/returns").then().statusCode(201);
        ReturnRecorded returned = of(ReturnRecorded.class, id).getFirst();
        assertThat(returned.items()).containsExactly(new OrderItem(UUID.fromString(pot), "POT-EV", 1));
        assertThat(returned.refund()).isEqualByComparingTo("12.00");
        assertThat(returned.currency()).isEqualTo("EUR");
        assertThat(returned.reason()).isEqualTo("Pot fêlé");
    }

    @Test
    void aCancelledOrderSaysWhereItWasAndARefusedStepAnnouncesNothing() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot en terre cuite", "POT-EV2", "10.00", 20, 2);
        UUID id = UUID.fromString(shop.order(pot, 2).getString("id"));
        UUID tooBig = UUID.fromString(shop.order(pot, 5).getString("id"));

        shop.call().post("/api/v1/orders/" + tooBig + "/confirm").then().statusCode(409);
        shop.call().body(Map.of("status", "DELIVERED")).patch("/api/v1/orders/" + id + "/status")
                .then().spec(Api.problem(409, "illegal-transition"));
        assertThat(of(OrderConfirmed.class, tooBig)).isEmpty();
        assertThat(of(OrderDelivered.class, id)).isEmpty();

        shop.move(id.toString(), "CONFIRMED");
        shop.call().body(Map.of("status", "CANCELLED", "note", "Client absent"))
                .patch("/api/v1/orders/" + id + "/status").then().statusCode(200);
        OrderCancelled cancelled = of(OrderCancelled.class, id).getFirst();
        assertThat(cancelled.from()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(cancelled.note()).isEqualTo("Client absent");
        assertThat(cancelled.items()).extracting(OrderItem::quantity).containsExactly(2);
    }
}
