package app.comptoir.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.bookings.application.HoldExpiry;
import app.comptoir.payments.FakeStripe;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * A slot held while the customer pays online (through the local fake Stripe): the hold keeps the slot from others,
 * expires unpaid after the business's hold minutes as of a moved clock (EXPIRED, the slot free again, the checkout
 * cancelled at Stripe, nothing due), and a payment within the hold confirms the appointment.
 */
@IntegrationTest
class HoldExpiryIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    HoldExpiry holds;

    @Test
    void anUnpaidHoldExpiresAfterItsMinutesAndTheSlotIsFreeAgain() {
        Centre centre = centre();
        Instant booked = Instant.now();
        JsonPath held = centre.api.anonymous().body(online(centre, centre.nine)).post(centre.path).then()
                .statusCode(201).extract().jsonPath();

        assertThat(held.getString("appointment.status")).isEqualTo("HELD");
        assertThat(held.getString("paymentUrl")).startsWith(FakeStripe.shared().apiBase());
        Instant holdEnd = Instant.parse(held.getString("appointment.holdExpiresAt"));
        assertThat(holdEnd).isBetween(booked.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15)));
        String sessionId = session(held);
        assertThat(FakeStripe.shared().session(sessionId).status).isEqualTo("open");
        // held: nobody else gets the slot meanwhile
        assertThat(centre.api.times(centre.service, centre.monday)).doesNotContain("09:00");
        centre.api.anonymous().body(BookingsApi.booking(centre.service, centre.nine)).post(centre.path).then()
                .spec(Api.problem(409, "slot-unavailable"));

        // the clock moved: a minute before the end nothing happens, once it has passed the hold expires
        assertThat(holds.expire(centre.api.admin.tenantId(), holdEnd.minus(Duration.ofMinutes(1)))).isZero();
        assertThat(holds.expire(centre.api.admin.tenantId(), holdEnd.plusSeconds(1))).isEqualTo(1);
        assertThat(holds.expire(centre.api.admin.tenantId(), holdEnd.plus(Duration.ofMinutes(2)))).isZero();

        String token = held.getString("manageToken");
        centre.api.anonymous().get(centre.path + "/" + token).then().body("status", equalTo("EXPIRED"))
                .body("changeable", equalTo(false));
        centre.api.call().get("/api/v1/bookings/appointments/" + held.getString("appointment.id")).then()
                .body("payment.due", equalTo(0.0f)).body("history[-1].action", equalTo("EXPIRED"));
        assertThat(FakeStripe.shared().session(sessionId).status).isEqualTo("expired");
        assertThat(centre.api.times(centre.service, centre.monday)).contains("09:00");
        centre.api.anonymous().body(BookingsApi.booking(centre.service, centre.nine)).post(centre.path).then()
                .statusCode(201).body("appointment.status", equalTo("CONFIRMED"));
        assertThat(new WebSession(port).get("/book/" + centre.api.slug() + "/manage/" + token).body())
                .contains("data-status=\"EXPIRED\"", "data-book-again");
    }

    @Test
    void aPaymentWithinTheHoldConfirmsTheAppointment() {
        Centre centre = centre();
        JsonPath held = centre.api.anonymous().body(online(centre, centre.nine)).post(centre.path).then()
                .statusCode(201).extract().jsonPath();
        String id = held.getString("appointment.id");

        centre.stripe.pay(session(held));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> centre.api.call()
                .get("/api/v1/bookings/appointments/" + id).then().body("status", equalTo("CONFIRMED"))
                .body("payment.state", equalTo("PAID")).body("history[-1].action", equalTo("PAID")));
        Instant holdEnd = Instant.parse(held.getString("appointment.holdExpiresAt"));
        assertThat(holds.expire(centre.api.admin.tenantId(), holdEnd.plus(Duration.ofMinutes(5)))).isZero();
        centre.api.anonymous().get(centre.path + "/" + held.getString("manageToken")).then()
                .body("status", equalTo("CONFIRMED")).body("holdExpiresAt", equalTo(null));
        assertThat(centre.api.times(centre.service, centre.monday)).doesNotContain("09:00");
    }

    @Test
    void onlinePaymentIsOfferedOnlyWhenTheBusinessTakesItAndACustomerGivingUpEndsTheCheckout() {
        Centre centre = centre();
        assertThat(new WebSession(port).get("/book/" + centre.api.slug() + "/services/" + centre.service
                + "/details?start=" + centre.nine).body()).contains("pay-online", "data-test-mode");
        JsonPath held = centre.api.anonymous().body(online(centre, centre.nine)).post(centre.path).then()
                .statusCode(201).extract().jsonPath();

        centre.api.anonymous().post(centre.path + "/" + held.getString("manageToken") + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(FakeStripe.shared().session(session(held)).status).isEqualTo("expired");
        assertThat(centre.api.times(centre.service, centre.monday)).contains("09:00");
    }

    private record Centre(BookingsApi api, FakeStripe.Account stripe, String service, LocalDate monday, String nine,
                          String path) {
    }

    /** A centre taking online payments (its Stripe account at the fake), with a 9:00 slot on a Monday. */
    private Centre centre() {
        BookingsApi api = BookingsApi.newCentre(port);
        FakeStripe.Account stripe = FakeStripe.shared().account(true);
        api.call().body(Map.of("secretKey", stripe.secretKey, "webhookSecret", stripe.webhookSecret))
                .put("/api/v1/payments/settings/stripe").then().statusCode(200);
        stripe.sendWebhooksTo("http://localhost:" + port + "/api/v1/payments/stripe/webhook/" + api.slug());
        String lane = api.resource("Ligne 1", 1, List.of(1), "08:00", "12:00");
        String service = api.service("Contrôle technique", 60, "78.00", List.of(), lane);
        LocalDate monday = BookingsApi.next(DayOfWeek.MONDAY, 3);
        return new Centre(api, stripe, service, monday, monday.atTime(9, 0).atZone(PARIS).toInstant().toString(),
                "/api/v1/booking/" + api.slug() + "/appointments");
    }

    private static Map<String, Object> online(Centre centre, String start) {
        Map<String, Object> body = BookingsApi.booking(centre.service(), start);
        body.put("paymentChoice", "ONLINE");
        return body;
    }

    private static String session(JsonPath held) {
        String url = held.getString("paymentUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
