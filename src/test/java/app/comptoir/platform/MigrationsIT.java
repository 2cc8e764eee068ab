package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import app.comptoir.platform.db.TenantSettings;
import app.comptoir.support.IntegrationTest;

/**
 * Migrations are forward-only and must apply to a database that already holds data, not only to an
 * empty one (which every test run proves by starting the application): the first migration is applied
 * to a scratch database, business rows are written, then every later migration runs over them.
 */
@IntegrationTest
class MigrationsIT {

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    DataSource appDataSource;

    @Autowired
    ComptoirProperties properties;

    @Test
    void everyMigrationAppliesOverAPopulatedDatabase() throws Exception {
        String database = "migration_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database + " owner comptoir");
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        // The application role's password is the generated secret of the data directory.
        String password = Files.readString(properties.dataDir().toAbsolutePath().normalize().resolve("postgres.secret")).strip();
        SingleConnectionDataSource owner = new SingleConnectionDataSource(url, "comptoir", password, true);
        try {
            Flyway first = Flyway.configure().dataSource(owner).locations("classpath:db/migration").target("1").load();
            first.migrate();

            UUID tenant = UUID.randomUUID();
            JdbcTemplate jdbc = new JdbcTemplate(owner);
            jdbc.execute("begin");
            jdbc.execute(TenantSettings.setLocal(tenant, null));
            jdbc.update("""
                    insert into tenants (id, name, slug, currency, locale, timezone, enabled_modules, created_at, updated_at)
                    values (?, 'Déjà là', 'deja-la', 'XOF', 'fr', 'Africa/Dakar', '{CATALOG}', now(), now())""", tenant);
            jdbc.update("""
                    insert into users (id, tenant_id, email, name, password_hash, roles, created_at, updated_at)
                    values (?, ?, 'awa@example.test', 'Awa', 'x', '{ADMIN}', now(), now())""", UUID.randomUUID(), tenant);
            jdbc.execute("commit");

            Flyway latest = Flyway.configure().dataSource(owner).locations("classpath:db/migration").load();
            latest.migrate();
            latest.validate();

            MigrationInfo[] applied = latest.info().applied();
            assertThat(applied).isNotEmpty();
            assertThat(applied[applied.length - 1].getVersion())
                    .isEqualTo(latest.info().current().getVersion());
            assertThat(latest.info().pending()).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from tenants where slug = 'deja-la'", Long.class)).isEqualTo(1);
        } finally {
            owner.destroy();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void theApplicationDatabaseIsAtTheLatestMigration() {
        Flyway flyway = Flyway.configure().dataSource(appDataSource).locations("classpath:db/migration").load();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().current()).isNotNull();
    }
}
