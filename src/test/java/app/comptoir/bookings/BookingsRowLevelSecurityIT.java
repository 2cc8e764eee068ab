package app.comptoir.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.support.IntegrationTest;

/**
 * The database itself keeps businesses apart in every bookings table, even for SQL that forgets to filter; and one
 * business's appointment is not found by another's booking page, even with its link.
 */
@IntegrationTest
class BookingsRowLevelSecurityIT {

    private static final List<String> TABLES = List.of("booking_settings", "booking_services", "booking_resources",
            "booking_resource_services", "booking_opening_hours", "booking_closures", "appointments",
            "appointment_links", "appointment_history", "booking_counters");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    app.comptoir.platform.TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everyBookingsTableIsForcedUnderRowLevelSecurity() {
        List<String> protectedTables = jdbc.queryForList("""
                select relname from pg_class where relname = any(?) and relrowsecurity and relforcerowsecurity""",
                String.class, (Object) TABLES.toArray(String[]::new));
        assertThat(protectedTables).containsExactlyInAnyOrderElementsOf(TABLES);
    }

    @Test
    void unfilteredQueriesOnlySeeTheCurrentBusinesssRowsAndWritesForAnotherAreRefused() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(1), "08:00", "12:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of(), lane);
        centre.call().body(Map.of("startsOn", LocalDate.now().plusDays(40).toString(), "label", "Formation"))
                .post("/api/v1/bookings/closures").then().statusCode(201);
        LocalDate monday = BookingsApi.next(DayOfWeek.MONDAY, 3);
        String token = centre.anonymous().body(BookingsApi.booking(service,
                        monday.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant().toString()))
                .post("/api/v1/booking/" + centre.slug() + "/appointments").then().statusCode(201)
                .extract().path("manageToken");
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        for (String table : TABLES) {
            Long mine = tenantContext.callAs(centre.admin.tenantId(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(mine).as(table).isPositive();
            Long none = tx.execute(s -> jdbc.queryForObject("select count(*) from " + table, Long.class));
            assertThat(none).as(table + " without a tenant").isZero();
            Long other = tenantContext.callAs(UUID.randomUUID(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(other).as(table + " for another tenant").isZero();
        }
        BookingsApi other = BookingsApi.newCentre(port);
        assertThatThrownBy(() -> tenantContext.callAs(other.admin.tenantId(), () -> tx.execute(s -> jdbc.update("""
                insert into booking_resources (id, tenant_id, name, kind, capacity, created_at, updated_at)
                values (?, ?, 'Intrus', 'LANE', 1, now(), now())""", UUID.randomUUID(), centre.admin.tenantId()))))
                .hasStackTraceContaining("row-level security");
        // another business's page does not open this business's appointment, even with its link
        other.anonymous().get("/api/v1/booking/" + other.slug() + "/appointments/" + token).then().statusCode(404);
        centre.anonymous().get("/api/v1/booking/" + centre.slug() + "/appointments/" + token).then().statusCode(200);
        other.call().get("/api/v1/bookings/services/" + service).then().statusCode(404);
    }
}
