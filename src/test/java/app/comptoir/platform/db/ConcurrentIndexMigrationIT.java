package app.comptoir.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.support.IntegrationTest;

/**
 * The migrations the zero-downtime rules ask for can run: the application's Flyway holds a session-level advisory
 * lock, and with it a migration of {@code CREATE INDEX CONCURRENTLY} (run by Flyway outside a transaction) completes
 * and leaves a valid index, on a scratch database of the shared embedded server.
 */
@IntegrationTest
class ConcurrentIndexMigrationIT {

    @Autowired
    Flyway applicationFlyway;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ComptoirProperties properties;

    @Test
    void theApplicationsFlywayLocksPerSessionSoThatAConcurrentIndexMigrationCompletes() throws Exception {
        assertThat(applicationFlyway.getConfiguration().getPluginRegister()
                .getExact(PostgreSQLConfigurationExtension.class).isTransactionalLock()).isFalse();

        String database = "concurrent_index_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database + " owner comptoir");
        }
        // A guard, not a measure: were the lock held in a transaction, the index build would wait for it forever.
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?options=-c%20lock_timeout=60s";
        String password = Files.readString(properties.dataDir().toAbsolutePath().normalize().resolve("postgres.secret")).strip();
        DriverManagerDataSource owner = new DriverManagerDataSource(url, "comptoir", password);

        Flyway flyway = Flyway.configure().dataSource(owner).locations("classpath:db/concurrent-index-check")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);

        Boolean valid = new JdbcTemplate(owner).queryForObject("""
                select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = 'parcels_by_tenant'""", Boolean.class);
        assertThat(valid).isTrue();
    }
}
