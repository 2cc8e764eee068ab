package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.RabbitBroker;
import app.comptoir.support.SecondNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain events go out to a real RabbitMQ broker (Debian's rabbitmq-server, started by the test) from a node
 * configured with {@code comptoir.events.rabbitmq.url}: an order confirmed through the HTTP API arrives on a queue
 * bound to the {@code comptoir.events} exchange with its routing key and JSON, and so do an order sent out and
 * delivered, a stock falling under its alert level, a purchase order sent and an appointment booked on the public
 * booking API (each as {@code {type, version, tenantId, data}}, without secrets or the customer's details, each
 * done on that node over HTTP as a user would); while the broker is down the
 * confirmation still succeeds, the publication stays in the registry (failed, counted by the metrics) and the
 * message arrives once the broker is back; a delivered publication leaves the registry. The suite's own node has no
 * URL: it has no AMQP connection at all.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventExternalizationIT {

    private static final String EXTERNALIZER = "%EventExternalizer%";

    @LocalServerPort
    int a;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private RabbitBroker broker;
    private SecondNode node;
    private int b;

    @BeforeAll
    void startBrokerAndNode() throws Exception {
        broker = RabbitBroker.start();
        // The node starts while the broker boots: it connects only when it has something to send.
        node = SecondNode.beside(context, Map.of(
                "comptoir.events.rabbitmq.url", broker.url(),
                "comptoir.events.retry-failed-every", "1s",
                "comptoir.events.retry-failed-after", "2s"));
        b = node.port();
        broker.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aConfirmedOrderArrivesOnAQueueBoundToTheExchangeAsJson() throws Exception {
        String queue = boundQueue("order.confirmed");
        Account owner = Api.newBusiness(a, "Evenements sortants");
        String order = confirmedOrder(owner, "EXT-1");

        JsonNode message = awaitMessage(queue, order);

        assertThat(message.get("type").asString()).isEqualTo("order.confirmed");
        assertThat(message.get("version").asInt()).isEqualTo(1);
        assertThat(message.get("tenantId").asString()).isEqualTo(owner.tenantId().toString());
        JsonNode data = message.get("data");
        assertThat(data.get("orderId").asString()).isEqualTo(order);
        assertThat(data.get("number").asString()).startsWith("CMD-");
        assertThat(data.get("items").get(0).get("sku").asString()).isEqualTo("EXT-1");
        assertThat(data.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(externalizerPublications()).isZero());
    }

    @Test
    void anOrderConfirmedWhileTheBrokerIsDownArrivesOnceItIsBack() throws Exception {
        String queue = boundQueue("order.confirmed");
        Account owner = Api.newBusiness(a, "Evenements en attente");
        broker.stopService();
        String order;
        try {
            order = confirmedOrder(owner, "EXT-2");

            // The sale is not held up; the message waits in the registry, failed (or being retried), and the
            // metrics count it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(triedExternalizerPublications()).isPositive();
                assertThat(node.bean(MeterRegistry.class).get("comptoir.event.publications.incomplete").gauge()
                        .value()).isPositive();
            });
        } finally {
            broker.startService();
        }

        JsonNode message = awaitMessage(queue, order);
        assertThat(message.get("tenantId").asString()).isEqualTo(owner.tenantId().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(externalizerPublications()).isZero());
    }

    @Test
    void anOrderSentOutAndDeliveredArrivesUnderBothKeys() throws Exception {
        String outQueue = boundQueue("order.out_for_delivery");
        String deliveredQueue = boundQueue("order.delivered");
        Account owner = Api.newBusiness(a, "Evenements livraison");
        String order = confirmedOrder(owner, "EXT-3");
        for (String status : List.of("PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            Api.as(b, owner).body(Map.of("status", status)).patch("/api/v1/orders/" + order + "/status").then()
                    .statusCode(200);
        }

        JsonNode out = envelope(awaitMessage(outQueue, "order.out_for_delivery", "orderId", order),
                "order.out_for_delivery", owner);
        assertThat(out.get("number").asString()).startsWith("CMD-");
        assertThat(out.get("items").get(0).get("sku").asString()).isEqualTo("EXT-3");
        JsonNode delivered = envelope(awaitMessage(deliveredQueue, "order.delivered", "orderId", order),
                "order.delivered", owner);
        assertThat(delivered.get("number").asString()).isEqualTo(out.get("number").asString());
        assertThat(delivered.get("at").asString()).isNotBlank();
    }

    @Test
    void aStockFallingUnderItsAlertLevelArrivesAsAStockAlert() throws Exception {
        String queue = boundQueue("stock.alert");
        Account owner = Api.newBusiness(a, "Evenements alerte");
        String variant = Api.as(a, owner).body(Map.of("name", "Tuyau", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "EXT-4", "price", new BigDecimal("9.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(a, owner).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 10))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        Api.as(a, owner).body(Map.of("alertLevel", 5)).put("/api/v1/stocks/" + variant).then().statusCode(200);
        // The stock falls under 5 on the node that sends events out.
        Api.as(b, owner).body(Map.of("variantId", variant, "type", "ISSUE", "quantity", 6))
                .post("/api/v1/stocks/movements").then().statusCode(201);

        JsonNode data = envelope(awaitMessage(queue, "stock.alert", "variantId", variant), "stock.alert", owner);
        assertThat(data.get("type").asString()).isEqualTo("LOW_STOCK");
        assertThat(data.get("available").asInt()).isEqualTo(4);
        assertThat(data.get("alertId").asString()).isNotBlank();
    }

    @Test
    void aPurchaseOrderSentArrivesWithoutTheSuppliersEmail() throws Exception {
        String queue = boundQueue("purchase_order.sent");
        Account owner = Api.newBusiness(a, "Evenements achats");
        String supplier = Api.as(a, owner).body(Map.of("name", "Grossiste Sortant",
                "email", "commandes@grossiste-sortant.test")).post("/api/v1/suppliers").then().statusCode(201)
                .extract().path("id");
        String variant = Api.as(a, owner).body(Map.of("name", "Vis", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "EXT-5", "price", new BigDecimal("3.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        String purchase = Api.as(a, owner).body(Map.of("supplierId", supplier, "lines", List.of(Map.of(
                        "variantId", variant, "quantity", 10, "unitCost", new BigDecimal("1.20")))))
                .post("/api/v1/purchase-orders").then().statusCode(201).extract().path("id");
        Api.as(b, owner).post("/api/v1/purchase-orders/" + purchase + "/send").then().statusCode(200);

        JsonNode data = envelope(awaitMessage(queue, "purchase_order.sent", "orderId", purchase),
                "purchase_order.sent", owner);
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("orderId", "number", "supplierId", "connected");
        assertThat(data.get("number").asString()).startsWith("ACH-");
        assertThat(data.get("supplierId").asString()).isEqualTo(supplier);
        assertThat(data.get("connected").asBoolean()).isFalse();
    }

    @Test
    void anAppointmentBookedOnThePublicPageArrivesWithoutTheCustomersDetails() throws Exception {
        String queue = boundQueue("appointment.booked");
        Account owner = Api.newBusiness(a, "Evenements rendez-vous");
        Api.as(a, owner).body(Map.of("horizonDays", 730, "minNoticeMinutes", 0, "cutoffHours", 24,
                "contactPhone", "04 72 10 20 30")).put("/api/v1/bookings/settings").then().statusCode(200);
        String lane = Api.as(a, owner).body(Map.of("name", "Ligne 1", "kind", "LANE", "capacity", 1, "hours",
                        List.of(Map.of("weekday", 1, "opensAt", "08:00", "closesAt", "12:00"))))
                .post("/api/v1/bookings/resources").then().statusCode(201).extract().path("id");
        String service = Api.as(a, owner).body(Map.of("name", "Controle", "durationMinutes", 45, "price", "78.00",
                        "vehicleCategories", List.of(), "resourceIds", List.of(lane)))
                .post("/api/v1/bookings/services").then().statusCode(201).extract().path("id");
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate monday = LocalDate.now(paris).plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        // A visitor books on the public API of the node that sends events out.
        String appointment = Api.given(b).body(Map.of("serviceId", service,
                        "start", monday.atTime(9, 0).atZone(paris).toInstant().toString(),
                        "customerName", "Lea Martin", "phone", "06 12 34 56 78", "email", "lea.martin@example.test"))
                .post("/api/v1/booking/" + owner.tenantSlug() + "/appointments").then().statusCode(201)
                .extract().path("appointment.id");

        JsonNode data = envelope(awaitMessage(queue, "appointment.booked", "appointmentId", appointment),
                "appointment.booked", owner);
        assertThat(data.get("serviceName").asString()).isEqualTo("Controle");
        assertThat(data.get("resourceName").asString()).isEqualTo("Ligne 1");
        assertThat(data.get("startsAt").asString()).isNotBlank();
        assertThat(data.propertyNames()).doesNotContain("manageToken", "customerName", "customerEmail");
        assertThat(data.toString()).doesNotContain("lea.martin@example.test");
    }

    @Test
    void aNodeWithoutABrokerUrlHasNoAmqpConnection() {
        assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(node.context().getBeanNamesForType(ConnectionFactory.class)).isNotEmpty();
        Api.given(a).get("/actuator/health/readiness").then().statusCode(200);
    }

    /** A new durable queue bound to the exchange with the key (declared here too: the node declares it lazily). */
    private String boundQueue(String key) throws Exception {
        String queue = "comptoir-test-" + UUID.randomUUID();
        try (Connection connection = broker.connect(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("comptoir.events", "topic", true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, "comptoir.events", key);
        }
        return queue;
    }

    /** Waits for the message about the order (others' orders may come through the same key). */
    private JsonNode awaitMessage(String queue, String order) {
        return awaitMessage(queue, "order.confirmed", "orderId", order);
    }

    /**
     * Waits for the message with the routing key whose {@code data.<field>} is {@code value} (other businesses'
     * messages may come through the same key); checks the envelope of every message on the way.
     */
    private JsonNode awaitMessage(String queue, String key, String field, String value) {
        List<JsonNode> seen = new ArrayList<>();
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection connection = broker.connect(); Channel channel = connection.createChannel()) {
                for (GetResponse got = channel.basicGet(queue, true); got != null; got = channel.basicGet(queue, true)) {
                    assertThat(got.getEnvelope().getExchange()).isEqualTo("comptoir.events");
                    assertThat(got.getEnvelope().getRoutingKey()).isEqualTo(key);
                    assertThat(got.getProps().getContentType()).isEqualTo("application/json");
                    seen.add(json.readTree(new String(got.getBody(), StandardCharsets.UTF_8)));
                }
            } catch (java.io.IOException | java.util.concurrent.TimeoutException e) {
                return Optional.<JsonNode>empty(); // the broker is still starting its service
            }
            return seen.stream().filter(m -> m.get("data").has(field)
                    && value.equals(m.get("data").get(field).asString())).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    /** The envelope every message has: {type, version, tenantId, data}, nothing else. */
    private static JsonNode envelope(JsonNode message, String type, Account owner) {
        assertThat(message.propertyNames()).containsExactlyInAnyOrder("type", "version", "tenantId", "data");
        assertThat(message.get("type").asString()).isEqualTo(type);
        assertThat(message.get("version").asInt()).isEqualTo(1);
        assertThat(message.get("tenantId").asString()).isEqualTo(owner.tenantId().toString());
        assertThat(message.get("data").isObject()).isTrue();
        return message.get("data");
    }

    private String confirmedOrder(Account owner, String sku) {
        String variant = Api.as(a, owner).body(Map.of("name", "Bulbe " + sku, "vatRate", 20,
                        "variants", List.of(Map.of("sku", sku, "price", new BigDecimal("3.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(a, owner).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 10))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        String order = Api.as(a, owner).body(Map.of("customer", Map.of("name", "Client", "phone", "06 12 34 56 78"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 2))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        // Confirmed on the node that sends events out.
        Api.as(b, owner).post("/api/v1/orders/" + order + "/confirm").then().statusCode(200);
        return order;
    }

    private int externalizerPublications() {
        return jdbc.queryForObject("select count(*) from event_publication where listener_id like ?", Integer.class,
                EXTERNALIZER);
    }

    /** Incomplete publications of the externaliser that failed at least once (FAILED, or RESUBMITTED since). */
    private int triedExternalizerPublications() {
        return jdbc.queryForObject("""
                select count(*) from event_publication
                 where listener_id like ? and completion_date is null and status in ('FAILED', 'RESUBMITTED')""",
                Integer.class, EXTERNALIZER);
    }
}
