package app.comptoir.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * A rolling upgrade's middle: the running version (the suite's application) serves an API workload (orders created
 * and confirmed, products listed) while Flyway applies a later expand migration to its live database (a nullable
 * column, then an index built {@code CONCURRENTLY}), with a lock timeout. The workload sees no error, the migration
 * never waits out its lock timeout, and no request waits as long as that timeout either. The test's migrations keep
 * a history table of their own and are undone afterwards.
 */
@IntegrationTest
class RollingUpgradeIT {

    /** The migration gives up waiting for a lock after this (operators set the same in the release's procedure). */
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final String HISTORY = "rolling_upgrade_check_history";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void theRunningVersionKeepsServingWhileAnExpandMigrationIsApplied() throws Exception {
        Account owner = Api.newBusiness(port, "Mise a jour progressive");
        String variant = Api.as(port, owner).body(Map.of("name", "Graines de radis", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "RADIS-1", "price", new BigDecimal("1.50")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(port, owner).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 100_000))
                .post("/api/v1/stocks/movements").then().statusCode(201);

        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong slowest = new AtomicLong();
        AtomicInteger served = new AtomicInteger();
        AtomicBoolean migrated = new AtomicBoolean();
        CountDownLatch warm = new CountDownLatch(6);
        AtomicInteger afterMigration = new AtomicInteger();
        int migrations;
        try (ExecutorService clients = Executors.newFixedThreadPool(3)) {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < 3; w++) {
                workers.add(clients.submit(() -> {
                    // until the migration is over and a few more rounds ran against the new schema
                    while (!migrated.get() || afterMigration.get() < 9) {
                        round(owner, variant, errors, slowest, served);
                        warm.countDown();
                        if (migrated.get()) {
                            afterMigration.incrementAndGet();
                        }
                        if (errors.size() > 5) {
                            return;
                        }
                    }
                }));
            }
            assertThat(warm.await(2, TimeUnit.MINUTES)).isTrue();
            migrations = migrate();
            migrated.set(true);
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        }

        assertThat(migrations).isEqualTo(2);
        assertThat(errors).isEmpty();
        assertThat(served.get()).isGreaterThan(27);
        assertThat(Duration.ofNanos(slowest.get())).isLessThan(LOCK_TIMEOUT);
        Boolean valid = new JdbcTemplate(dataSource).queryForObject("""
                select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = 'sales_orders_rolling_upgrade_note'""", Boolean.class);
        assertThat(valid).isTrue();
    }

    /** One client's round: an order created, confirmed, then the product list; any unexpected answer is noted. */
    private void round(Account owner, String variant, Queue<String> errors, AtomicLong slowest, AtomicInteger served) {
        long start = System.nanoTime();
        var created = Api.as(port, owner).body(Map.of("customer", Map.of("name", "Client", "phone", "06 12 34 56 78"),
                "lines", List.of(Map.of("variantId", variant, "quantity", 1)))).post("/api/v1/orders");
        note(start, created.statusCode(), 201, "create", errors, slowest, served);
        if (created.statusCode() != 201) {
            return;
        }
        start = System.nanoTime();
        int confirmed = Api.as(port, owner).post("/api/v1/orders/" + created.path("id") + "/confirm").statusCode();
        note(start, confirmed, 200, "confirm", errors, slowest, served);
        start = System.nanoTime();
        int listed = Api.as(port, owner).get("/api/v1/products").statusCode();
        note(start, listed, 200, "list", errors, slowest, served);
    }

    private static void note(long start, int status, int expected, String what, Queue<String> errors,
                             AtomicLong slowest, AtomicInteger served) {
        slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
        served.incrementAndGet();
        if (status != expected) {
            errors.add(what + " answered " + status);
        }
    }

    /** The later version's migrations, as its first node applies them at start-up (session lock, lock timeout). */
    private int migrate() {
        HikariDataSource app = (HikariDataSource) unwrap();
        String url = app.getJdbcUrl() + (app.getJdbcUrl().contains("?") ? "&" : "?")
                + "options=-c%20lock_timeout=" + LOCK_TIMEOUT.toMillis();
        Flyway flyway = Flyway.configure()
                .dataSource(new DriverManagerDataSource(url, app.getUsername(), app.getPassword()))
                .locations("classpath:db/rolling-upgrade-check").table(HISTORY)
                .baselineOnMigrate(true).baselineVersion("0")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
        return flyway.migrate().migrationsExecuted;
    }

    private DataSource unwrap() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contract step of this test's own expand: the shared database goes back as it was. */
    @AfterEach
    void undo() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop index if exists sales_orders_rolling_upgrade_note");
        jdbc.execute("alter table sales_orders drop column if exists rolling_upgrade_note");
        jdbc.execute("drop table if exists " + HISTORY);
    }
}
