package app.comptoir.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import app.comptoir.platform.ComptoirProperties;

/**
 * Starts a real PostgreSQL under the data directory when no external database is configured.
 *
 * <p>The server runs as its superuser, but the application connects as the non-superuser role
 * {@code comptoir}, which owns the schema: superusers bypass row-level security, owners under
 * {@code FORCE ROW LEVEL SECURITY} do not.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String APP_ROLE = "comptoir";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ComptoirProperties properties) throws IOException {
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        long start = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(properties.db().embeddedPort())
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), dir,
                (System.nanoTime() - start) / 1_000_000);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, ComptoirProperties properties) throws SQLException {
        prepareDatabase(postgres.getPostgresDatabase());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_ROLE);
        config.setUsername(APP_ROLE);
        config.setPassword(APP_ROLE);
        config.setMaximumPoolSize(properties.db().connections());
        config.setPoolName("comptoir");
        return new HikariDataSource(config);
    }

    /** Creates the application role and database once; idempotent across restarts. */
    private static void prepareDatabase(DataSource superuser) throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                roleExists = rs.next();
            }
            if (!roleExists) {
                s.execute("create role " + APP_ROLE + " login password '" + APP_ROLE
                        + "' nosuperuser nobypassrls nocreaterole");
            }
            boolean dbExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + APP_ROLE + "'")) {
                dbExists = rs.next();
            }
            if (!dbExists) {
                s.execute("create database " + APP_ROLE + " owner " + APP_ROLE + " encoding 'UTF8' template template0");
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("comptoir.db.url");
            return url == null || url.isBlank();
        }
    }
}
