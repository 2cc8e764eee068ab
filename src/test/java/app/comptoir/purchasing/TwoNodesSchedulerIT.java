package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SecondNode;

/**
 * Two nodes whose schedulers both run, polling the same db-scheduler table: a due execution is claimed by one of
 * them. The hourly recurring purchase order run, made due at once for both, gives one draft for a due template,
 * and the run itself is recorded as executed once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesSchedulerIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final TaskInstanceId HOURLY = TaskInstanceId.of("purchasing-recurring-orders", "recurring");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    JdbcTemplate jdbc;

    private SecondNode nodeB;

    @BeforeAll
    void startSecondNodeWithItsScheduler() throws Exception {
        nodeB = SecondNode.beside(context, Map.of("db-scheduler.enabled", "true",
                "db-scheduler.polling-interval", "1s"));
    }

    @AfterAll
    void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aDueRecurringOrderRunIsExecutedByOneNodeAndMakesOneDraft() {
        assertThat(nodeB.bean(SchedulerClient.class)).isInstanceOf(com.github.kagkarlsson.scheduler.Scheduler.class);
        PurchasingApi shop = PurchasingApi.newShop(port, "Deux planificateurs");
        String variant = shop.product("Farine T65", "DEUX-FARINE", "2.00", "0.80");
        String supplier = shop.supplier("Moulin du Pont");
        shop.call().body(Map.of("variantId", variant, "cost", "0.90")).post("/api/v1/suppliers/" + supplier + "/variants")
                .then().statusCode(201);
        shop.call().body(Map.of("supplierId", supplier, "name", "Farine du jour",
                        "dayOfWeek", LocalDate.now(PARIS).getDayOfWeek().getValue(),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 25))))
                .post("/api/v1/purchasing/recurring-orders").then().statusCode(201);
        String business = shop.admin.tenantId().toString();

        // the hourly run due now, for both schedulers at once
        scheduler.reschedule(HOURLY, Instant.now());

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                shop.call().get("/api/v1/purchase-orders?supplierId=" + supplier).then().statusCode(200)
                        .extract().jsonPath().getInt("total")).isEqualTo(1));
        // the run of this business is done (the one-time task is deleted once executed, by whichever node ran it)
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'purchasing-recurring-orders-business'"
                        + " and task_instance = ?", Integer.class, business) == 0);
        // the hourly run was executed, and rescheduled an hour on, once: not picked any more, not run twice
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "select not picked and execution_time > now() + interval '50 minutes' from scheduled_tasks"
                        + " where task_name = ? and task_instance = ?", Boolean.class, HOURLY.getTaskName(),
                HOURLY.getId()));

        assertThat(shop.call().get("/api/v1/purchase-orders?supplierId=" + supplier).then().statusCode(200)
                .extract().jsonPath().getInt("total")).isEqualTo(1);
    }
}
