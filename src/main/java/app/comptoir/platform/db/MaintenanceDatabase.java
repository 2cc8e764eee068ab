package app.comptoir.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import app.comptoir.platform.ComptoirProperties;

/**
 * The database as the maintenance tools (backup, restore) reach it: as a role that row-level security does not
 * filter, since a backup reads every business's rows. For the embedded PostgreSQL that is its superuser (the
 * password in the data directory); the server is the running application's when there is one (found by its
 * {@code postmaster.pid}), else started here and stopped by {@link #close()}. For an external database it is
 * {@code user} and {@code password} when given (a role with {@code BYPASSRLS}), else the application's own.
 *
 * @param appRole the role that owns the application's tables (a restore makes it their owner)
 */
public record MaintenanceDatabase(String host, int port, String database, String user, String password,
                                  String appRole, boolean embedded, AutoCloseable server) implements AutoCloseable {

    /** Opens the deployment's database; {@code user} and {@code password} (may be blank) apply to an external one. */
    public static MaintenanceDatabase open(ComptoirProperties properties, boolean durable, String user, String password) {
        if (properties.db().external()) {
            return external(properties.db(), user, password);
        }
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        String superuserPassword;
        Integer running = runningPort(dataDir.resolve("postgres"));
        EmbeddedPostgres started = null;
        if (running == null) {
            try {
                started = EmbeddedPostgresConfiguration.start(dataDir, properties.db().embeddedPort(), durable);
                EmbeddedPostgresConfiguration.prepareDatabase(started.getPostgresDatabase(),
                        DatabaseSecret.in(dataDir.resolve("postgres.secret")));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
            } catch (SQLException e) {
                closeQuietly(started);
                throw new IllegalStateException("Cannot prepare the embedded PostgreSQL in " + dataDir, e);
            }
        }
        superuserPassword = DatabaseSecret.in(dataDir.resolve("postgres-superuser.secret")).value();
        return new MaintenanceDatabase("localhost", started != null ? started.getPort() : running,
                EmbeddedPostgresConfiguration.APP_ROLE, EmbeddedPostgresConfiguration.SUPERUSER, superuserPassword,
                EmbeddedPostgresConfiguration.APP_ROLE, true, started);
    }

    private static MaintenanceDatabase external(ComptoirProperties.Db db, String user, String password) {
        String url = db.url().trim();
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("COMPTOIR_DB_URL is not a jdbc:postgresql://host[:port]/database address");
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? db.user() : uri.getPath().substring(1);
        boolean own = user == null || user.isBlank();
        return new MaintenanceDatabase(uri.getHost() == null ? "localhost" : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(), database, own ? db.user() : user,
                own ? db.password() : password, db.user(), false, null);
    }

    /** The port of the server running on {@code clusterDir}, or null when none answers there. */
    static Integer runningPort(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return null;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? port : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** A JDBC connection to the database as the maintenance role. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("ApplicationName", "comptoir-maintenance");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    /** The libpq connection string of pg_dump and pg_restore (the password goes in {@code PGPASSWORD}). */
    public String conninfo() {
        return "host=" + quote(host) + " port=" + port + " dbname=" + quote(database) + " user=" + quote(user)
                + " application_name=comptoir-maintenance";
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Stops the embedded server if it was started here. */
    @Override
    public void close() {
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the embedded PostgreSQL", e);
            }
        }
    }

    @Override
    public String toString() {
        return "MaintenanceDatabase[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
