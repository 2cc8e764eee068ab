package app.comptoir.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

/**
 * Twenty customers book the same slot at the same moment over real HTTP: a resource of capacity 1 takes exactly one
 * of them (201) and refuses the nineteen others with 409 slot-unavailable, each offered other free slots; a resource
 * of capacity 2 takes exactly two.
 */
@IntegrationTest
class BookingRaceIT {

    private static final int CUSTOMERS = 20;

    @LocalServerPort
    int port;

    @Test
    void twentyBookingsOfOneSlotGiveOneAppointmentAndNineteenRefusalsWithOtherSlots() throws Exception {
        List<Response> answers = race(1);

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 409).toList();
        assertThat(refused).hasSize(CUSTOMERS - 1);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.jsonPath().getString("type")).isEqualTo("https://comptoir.app/problems/slot-unavailable");
            assertThat(r.jsonPath().getString("detail")).startsWith("Ce créneau n'est plus disponible");
            assertThat(r.jsonPath().getList("nextSlots")).isNotEmpty();
            assertThat(r.jsonPath().getString("nextSlots[0].time")).isEqualTo("10:00");
        });
    }

    @Test
    void aResourceOfCapacityTwoTakesExactlyTwoOfTheTwenty() throws Exception {
        List<Response> answers = race(2);

        assertThat(answers.stream().filter(r -> r.statusCode() == 201)).hasSize(2);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409)).hasSize(CUSTOMERS - 2);
    }

    /** A fresh centre with one resource of that capacity, and twenty simultaneous bookings of its 9:00 slot. */
    private List<Response> race(int capacity) throws Exception {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", capacity, List.of(4), "09:00", "11:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of(), lane);
        centre.settings(Map.of("horizonDays", 730, "minNoticeMinutes", 0, "slotStepMinutes", 60));
        LocalDate thursday = BookingsApi.next(DayOfWeek.THURSDAY, 2);
        String nine = thursday.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant().toString();
        String path = "/api/v1/booking/" + centre.slug() + "/appointments";

        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);
        try {
            CountDownLatch ready = new CountDownLatch(CUSTOMERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                Map<String, Object> body = BookingsApi.booking(service, nine);
                body.put("customerName", "Client " + i);
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return centre.anonymous().body(body).post(path);
                }));
            }
            ready.await();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
