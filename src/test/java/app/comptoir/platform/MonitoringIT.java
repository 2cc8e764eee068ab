package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.Prometheus;

/**
 * What an operator's Prometheus and Kubernetes see, through the real HTTP server and security chain (the
 * metrics are exposed as with {@code COMPTOIR_EXPOSE_METRICS=true}; scraping needs no sign-in, like the probes).
 */
@IntegrationTest
class MonitoringIT {

    @LocalServerPort
    int port;

    @Autowired
    BusinessMetrics metrics;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StatsRegistry schedulerStats;

    @Test
    void aStockReceiptAndAnOrderMoveTheirBusinessCounters() {
        Account shop = Api.newBusiness(port, "Droguerie");
        String variant = Api.as(port, shop).body(Map.of("name", "Savon noir", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "SAV-1", "price", new BigDecimal("4.50")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        String before = scrape();

        Api.as(port, shop).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 12))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        String order = Api.as(port, shop).body(Map.of("customer", Map.of("name", "Client de passage"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 2))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        Api.as(port, shop).body(Map.of("status", "CONFIRMED")).patch("/api/v1/orders/" + order + "/status")
                .then().statusCode(200);

        String after = scrape();
        // At least: other tests of the suite may record movements and orders meanwhile.
        assertThat(value(after, "comptoir_stock_movements_total", "type=\"RECEIPT\""))
                .isGreaterThanOrEqualTo(value(before, "comptoir_stock_movements_total", "type=\"RECEIPT\"") + 1);
        assertThat(value(after, "comptoir_orders_creations_total", "source=\"BACK_OFFICE\""))
                .isGreaterThanOrEqualTo(value(before, "comptoir_orders_creations_total", "source=\"BACK_OFFICE\"") + 1);
        assertThat(value(after, "comptoir_orders_status_changes_total", "status=\"CONFIRMED\""))
                .isGreaterThanOrEqualTo(value(before, "comptoir_orders_status_changes_total", "status=\"CONFIRMED\"") + 1);
        // No business id in any series: one series per business would swamp the monitoring system.
        assertThat(after).doesNotContain(shop.tenantId().toString());
    }

    @Test
    void aFinishedExportJobShowsInTheJobDurationHistogram() {
        Account shop = Api.newBusiness(port, "Droguerie export");
        String[] kind = {"kind=\"orders-export\"", "outcome=\"SUCCEEDED\""};
        double before = Prometheus.value(scrape(), "comptoir_jobs_seconds_count", kind);

        String job = Api.as(port, shop).post("/api/v1/orders/export-jobs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> Api.as(port, shop)
                .get("/api/v1/jobs/" + job).then().statusCode(200).extract().path("status"), equalTo("SUCCEEDED"));

        // Recorded as the job ends: at least this one (other tests of the suite may export meanwhile).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = scrape();
            assertThat(Prometheus.value(after, "comptoir_jobs_seconds_count", kind)).isGreaterThanOrEqualTo(before + 1);
            assertThat(Prometheus.value(after, "comptoir_jobs_seconds_sum", kind)).isPositive();
            // A histogram: its buckets, up to +Inf, which counts every job.
            assertThat(Prometheus.value(after, "comptoir_jobs_seconds_bucket", "kind=\"orders-export\"",
                    "outcome=\"SUCCEEDED\"", "le=\"+Inf\"")).isGreaterThanOrEqualTo(before + 1);
        });
    }

    @Test
    void aCountIsKeptOnlyWhenItsTransactionCommits() {
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            metrics.count("comptoir.monitoring.test", "A count of this test", "case", "rolled-back");
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> metrics.count("comptoir.monitoring.test", "A count of this test",
                "case", "committed"));

        String scraped = scrape();
        assertThat(value(scraped, "comptoir_monitoring_test_total", "case=\"rolled-back\"")).isZero();
        assertThat(value(scraped, "comptoir_monitoring_test_total", "case=\"committed\"")).isEqualTo(1);
    }

    @Test
    void theBacklogsPoolAndJobsArePublished() {
        String metrics = scrape();

        assertThat(metrics).contains(
                "comptoir_scheduler_due_executions", "comptoir_scheduler_lag_seconds",
                "comptoir_scheduler_failing_executions", "comptoir_event_publications_incomplete",
                "comptoir_event_publications_failed", "comptoir_event_publications_oldest_incomplete_age_seconds",
                "comptoir_jobs_queued", "comptoir_jobs_running",
                "hikaricp_connections_active", "hikaricp_connections_max", "hikaricp_connections_pending",
                "jvm_memory_used_bytes", "http_server_requests_seconds_bucket");
        // Read from the database: a number, not NaN.
        assertThat(value(metrics, "comptoir_event_publications_incomplete", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "comptoir_scheduler_lag_seconds", "")).isGreaterThanOrEqualTo(0);
        assertThat(metrics).containsPattern("application=\"comptoir\"");
        // db-scheduler's own figures (dbscheduler_task_completions_total, dbscheduler_task_duration_seconds) too.
        assertThat(schedulerStats).isInstanceOf(MicrometerStatsRegistry.class);
    }

    @Test
    void theProbesAnswerWithoutSigningInAndReadinessChecksTheDatabase() {
        RestAssured.given().port(port).get("/actuator/health/readiness").then().statusCode(200)
                .body("status", equalTo("UP")).body("components.db.status", equalTo("UP"))
                .body("components.readinessState.status", equalTo("UP"));
        RestAssured.given().port(port).get("/actuator/health/liveness").then().statusCode(200)
                .body("status", equalTo("UP"));
        // The same groups on the application's port, for probes when the actuator has a port of its own.
        RestAssured.given().port(port).get("/readyz").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().port(port).get("/livez").then().statusCode(200).body("status", equalTo("UP"));
    }

    private String scrape() {
        return Prometheus.scrape(port);
    }

    private static double value(String metrics, String name, String label) {
        return Prometheus.value(metrics, name, label);
    }
}
