package app.comptoir.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import app.comptoir.platform.ComptoirProperties;

/**
 * Starts a real PostgreSQL under the data directory when no external database is configured.
 *
 * <p>The server runs as its superuser, but the application connects as the non-superuser role
 * {@code comptoir}, which owns the schema: superusers bypass row-level security, owners under
 * {@code FORCE ROW LEVEL SECURITY} do not.
 *
 * <p>Every connection, local socket or TCP, authenticates with a password (SCRAM): the server listens
 * on localhost, where any local user could otherwise connect as its superuser. Both passwords are
 * random, generated on first start and kept in the data directory ({@code postgres-superuser.secret},
 * {@code postgres.secret}, mode 600).
 *
 * <p>Durable by default: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, so
 * an order confirmed to a user survives a power cut. {@code comptoir.db.durable=false}
 * ({@code COMPTOIR_DB_DURABLE=false}) turns them off for throwaway demos and the test suite.
 *
 * <p>The database is stopped by the application context only (no JVM shutdown hook of its own), after
 * every bean that uses the {@link DataSource}: a hook running in parallel with the context's shutdown
 * stopped it under the scheduler and the event publication registry, which then waited for it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String APP_ROLE = "comptoir";
    static final String SUPERUSER = "postgres";
    static final String PG_HBA = """
            # Written by Comptoir on every start: a password (SCRAM) for every connection, local or TCP.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ComptoirProperties properties, Environment environment) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        boolean durable = durable(environment);
        EmbeddedPostgres early = EarlyEmbeddedPostgres.take(dataDir, properties.db().embeddedPort(), durable);
        return early != null ? early : start(dataDir, properties.db().embeddedPort(), durable);
    }

    static boolean durable(Environment environment) {
        return environment.getProperty("comptoir.db.durable", Boolean.class, true);
    }

    /** Starts (after creating it on the first start) the server under {@code dataDir/postgres}. */
    static EmbeddedPostgres start(Path dataDir, int port, boolean durable) throws IOException {
        Path dir = dataDir.resolve("postgres");
        Files.createDirectories(dataDir);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        Path superuserSecretFile = dataDir.resolve("postgres-superuser.secret");
        DatabaseSecret superuser = DatabaseSecret.in(superuserSecretFile);
        String onOff = durable ? "on" : "off";
        long start = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                // initdb gives the superuser its password; pg_hba.conf is written before the first start
                .setLocaleConfig("pwfile", superuserSecretFile.toString())
                .setDataDirectoryCustomizer(d -> {
                    if (fresh) {
                        writePgHba(d.toPath());
                    }
                })
                .setConnectConfig("password", superuser.value())
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("password_encryption", "scram-sha-256")
                // These come after zonky's "-F" (fsync off) on the command line, so they win.
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff)
                .start();
        if (!fresh && !PG_HBA.equals(readPgHba(dir))) {
            requirePasswords(postgres, superuser, dir); // a data directory from a version that trusted local connections
        }
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms, {})", postgres.getPort(), dir,
                (System.nanoTime() - start) / 1_000_000,
                durable ? "durable" : "NOT durable: fsync and synchronous_commit off (comptoir.db.durable=false)");
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, ComptoirProperties properties) throws SQLException {
        DatabaseSecret secret = DatabaseSecret.in(
                properties.dataDir().toAbsolutePath().normalize().resolve("postgres.secret"));
        prepareDatabase(postgres.getPostgresDatabase(), secret);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_ROLE);
        config.setUsername(APP_ROLE);
        config.setPassword(secret.value());
        config.setMaximumPoolSize(properties.db().connections());
        config.setPoolName("comptoir");
        return new HikariDataSource(config);
    }

    /**
     * Creates the application role and database once, idempotent across restarts; the role's password is
     * set on every start, so a data directory of an earlier version loses its fixed password.
     */
    static void prepareDatabase(DataSource superuser, DatabaseSecret secret) throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                roleExists = rs.next();
            }
            // The secret is URL-safe Base64: nothing to escape.
            if (!roleExists) {
                s.execute("create role " + APP_ROLE + " login password '" + secret.value()
                        + "' nosuperuser nobypassrls nocreaterole");
            } else {
                s.execute("alter role " + APP_ROLE + " password '" + secret.value() + "'");
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

    /** Sets the superuser's password while connections are still trusted, then requires passwords. */
    private static void requirePasswords(EmbeddedPostgres postgres, DatabaseSecret superuser, Path dir) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password '" + superuser.value() + "'");
            writePgHba(dir);
            s.execute("select pg_reload_conf()");
            log.info("The embedded PostgreSQL now requires a password for every connection");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot turn on password authentication of the embedded PostgreSQL", e);
        }
    }

    static String readPgHba(Path dir) {
        try {
            return Files.readString(dir.resolve("pg_hba.conf"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void writePgHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve("pg_hba.conf"), e);
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
