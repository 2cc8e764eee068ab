package app.comptoir.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import app.comptoir.platform.ComptoirProperties;

/** The embedded PostgreSQL as the packaged application starts it: durable, and password-protected. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    @Test
    void isDurableByDefaultAndNotWhenAThrowawayDemoAsksForIt() throws Exception {
        try (Started db = start(null)) {
            assertThat(db.setting("fsync")).isEqualTo("on");
            assertThat(db.setting("synchronous_commit")).isEqualTo("on");
            assertThat(db.setting("full_page_writes")).isEqualTo("on");
        }
        try (Started db = start(false)) {
            assertThat(db.setting("fsync")).isEqualTo("off");
            assertThat(db.setting("synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void everyConnectionNeedsTheGeneratedPasswordWhichIsKeptOwnerOnlyAndReusedAcrossRestarts() throws Exception {
        String secret;
        try (Started db = start(null)) {
            secret = Files.readString(dataDir.resolve("postgres.secret")).trim();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo("comptoir");
            assertOwnerOnly(dataDir.resolve("postgres.secret"));
            assertOwnerOnly(dataDir.resolve("postgres-superuser.secret"));
            assertRefused(db.port(), "comptoir", "comptoir");
            assertRefused(db.port(), "postgres", "");
            assertRefused(db.port(), "postgres", "postgres");
            assertThat(connects(db.port(), "comptoir", secret)).isTrue();
        }
        try (Started db = start(null)) {
            assertThat(Files.readString(dataDir.resolve("postgres.secret")).trim()).isEqualTo(secret);
            assertThat(connects(db.port(), "comptoir", secret)).isTrue();
            assertRefused(db.port(), "comptoir", "comptoir");
        }
    }

    @Test
    void aDataDirectoryThatTrustedLocalConnectionsGetsPasswordsOnItsNextStart() throws Exception {
        // what earlier versions left behind: initdb's "trust" and the role's fixed password
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role comptoir login password 'comptoir'");
        }
        try (Started db = start(null)) {
            assertRefused(db.port(), "postgres", "");
            assertRefused(db.port(), "comptoir", "comptoir");
            assertThat(connects(db.port(), "comptoir", Files.readString(dataDir.resolve("postgres.secret")).trim())).isTrue();
        }
    }

    private Started start(Boolean durable) throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("comptoir.data-dir", dataDir.toString());
        if (durable != null) {
            environment.setProperty("comptoir.db.durable", durable.toString());
        }
        ComptoirProperties properties = Binder.get(environment).bindOrCreate("comptoir", ComptoirProperties.class);
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        EmbeddedPostgres postgres = configuration.embeddedPostgres(properties, environment);
        return new Started(postgres, configuration.dataSource(postgres, properties));
    }

    private record Started(EmbeddedPostgres postgres, HikariDataSource dataSource) implements AutoCloseable {
        int port() {
            return postgres.getPort();
        }

        String setting(String name) throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("show " + name)) {
                rs.next();
                return rs.getString(1);
            }
        }

        @Override
        public void close() throws Exception {
            dataSource.close();
            postgres.close();
        }
    }

    private static boolean connects(int port, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", user, password)) {
            return c.isValid(2);
        }
    }

    private static void assertRefused(int port, String user, String password) {
        assertThatThrownBy(() -> connects(port, user, password)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    private static void assertOwnerOnly(Path file) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
