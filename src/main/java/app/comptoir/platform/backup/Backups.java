package app.comptoir.platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.db.MaintenanceDatabase;

/**
 * Makes a backup of a deployment into a folder, and restores one into an empty deployment.
 *
 * <p>A backup is consistent: pg_dump (custom format) reads the snapshot that a transaction of this class exported,
 * and the tables' row counts and checksums of the manifest are computed in that same transaction. The data
 * directory's files are copied after the dump, so every file the dumped rows name is there unless it was deleted in
 * the meantime. The folder is written as {@code <name>.partial} and renamed when complete: a folder without that
 * suffix is a whole backup.
 *
 * <p>A restore checks every checksum first, refuses a deployment that holds data, restores the database in one
 * transaction (all or nothing), copies the files, then compares every table's row count and checksum with the
 * manifest.
 */
final class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    /** What in the data directory belongs to the deployment's machinery, not to its data: never backed up. */
    private static final Set<String> NOT_DATA = Set.of("postgres", "logs", "postgres.secret", "postgres-superuser.secret");

    private final ComptoirProperties properties;
    private final BackupProperties settings;
    private final boolean durable;
    private final String appVersion;
    private final Clock clock;

    Backups(ComptoirProperties properties, BackupProperties settings, boolean durable, String appVersion, Clock clock) {
        this.properties = properties;
        this.settings = settings;
        this.durable = durable;
        this.appVersion = appVersion;
        this.clock = clock;
    }

    /** Writes a backup of the deployment into {@code target}, which must not exist yet (or be an empty folder). */
    Manifest create(Path target) {
        target = target.toAbsolutePath().normalize();
        if (Files.exists(target) && !BackupFiles.isEmptyDirectory(target)) {
            throw new BackupRefusedException("Cannot write a backup into " + target + ": it already exists");
        }
        if (!properties.db().external() && !Files.exists(dataDir().resolve("postgres").resolve("PG_VERSION"))) {
            throw new BackupRefusedException("No deployment to back up in " + dataDir() + ": it holds no embedded"
                    + " database (is COMPTOIR_DATA_DIR the deployment's?)");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            deleteRecursively(partial);
            Files.createDirectories(partial);
            Manifest manifest = write(partial);
            Files.deleteIfExists(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            deleteRecursively(partial);
            throw new UncheckedIOException("Cannot write the backup into " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteRecursively(partial);
            throw e;
        }
    }

    private Manifest write(Path folder) throws IOException {
        String createdAt = clock.instant().toString();
        String flyway;
        String serverVersion;
        String pgDumpVersion;
        List<TableFingerprint> tables;
        try (MaintenanceDatabase db = open(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            String snapshot = BackupFiles.single(c, "select pg_export_snapshot()");
            serverVersion = BackupFiles.single(c, "show server_version");
            flyway = BackupFiles.flywayVersion(c);
            if (flyway == null) {
                throw new BackupRefusedException("Nothing to back up: the database " + db.database() + " on "
                        + db.host() + ":" + db.port() + " holds no Comptoir schema (is it the deployment's?)");
            }
            PostgresClient client = PostgresClient.find(settings.pgBin(), serverMajor(c));
            pgDumpVersion = client.version();
            client.run(db, List.of(client.pgDump().toString(), "--format=custom", "--snapshot=" + snapshot,
                    "--file=" + folder.resolve(Manifest.DATABASE), "--dbname=" + db.conninfo()));
            tables = TableFingerprint.of(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database for the backup: " + e.getMessage(), e);
        }
        List<Manifest.FileEntry> files = new ArrayList<>();
        files.add(new Manifest.FileEntry(Manifest.DATABASE, Files.size(folder.resolve(Manifest.DATABASE)),
                Manifest.sha256(folder.resolve(Manifest.DATABASE))));
        Path dataDir = dataDir();
        for (Path file : dataFiles(dataDir, folder)) {
            String relative = Manifest.FILES + "/" + BackupFiles.slashes(dataDir.relativize(file));
            Path copy = folder.resolve(relative);
            Files.createDirectories(copy.getParent());
            files.add(new Manifest.FileEntry(relative, Files.size(file), BackupFiles.copyWithDigest(file, copy)));
        }
        Manifest manifest = new Manifest(1, createdAt, appVersion, flyway, serverVersion, pgDumpVersion, files, tables);
        manifest.write(folder);
        log.info("Backup made: schema version {}, {} tables, {} rows, {} files", flyway, tables.size(),
                tables.stream().mapToLong(TableFingerprint::rows).sum(), files.size() - 1);
        return manifest;
    }

    /** Restores the backup in {@code source} into this deployment, which must hold no data. */
    Manifest restore(Path source) {
        source = source.toAbsolutePath().normalize();
        Manifest manifest = Manifest.readVerified(source);
        Path dataDir = dataDir();
        List<Path> present = dataFiles(dataDir, source).stream().limit(3).toList();
        if (!present.isEmpty()) {
            throw new BackupRefusedException("Refusing to restore: the data directory " + dataDir + " is not empty (it"
                    + " holds " + present.stream().map(p -> BackupFiles.slashes(dataDir.relativize(p))).toList() + "...)."
                    + " Restore only into a new deployment: an empty COMPTOIR_DATA_DIR, never started");
        }
        try (MaintenanceDatabase db = open(); Connection c = db.connect()) {
            long tables = Long.parseLong(BackupFiles.single(c, """
                    select count(*) from pg_tables
                    where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg\\_%'"""));
            if (tables > 0) {
                throw new BackupRefusedException("Refusing to restore: the database " + db.database() + " on "
                        + db.host() + ":" + db.port() + " is not empty (" + tables + " tables"
                        + (BackupFiles.flywayVersion(c) == null ? "" : ", schema version " + BackupFiles.flywayVersion(c)) + ")."
                        + " Restore only into an empty database (a new data directory, or a new external database)");
            }
            PostgresClient client = PostgresClient.find(settings.pgBin(), serverMajor(c));
            List<String> command = new ArrayList<>(List.of(client.pgRestore().toString(), "--exit-on-error",
                    "--single-transaction", "--no-owner", "--no-privileges", "--dbname=" + db.conninfo()));
            if (!db.user().equals(db.appRole())) {
                command.add("--role=" + db.appRole()); // the application's role owns what it restores
            }
            command.add(source.resolve(Manifest.DATABASE).toString());
            client.run(db, command);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            List<String> differences = manifest.differences(TableFingerprint.of(c));
            c.commit();
            if (!differences.isEmpty()) {
                throw new IllegalStateException("The restored database differs from the backup's manifest: "
                        + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot restore the database: " + e.getMessage(), e);
        }
        try {
            for (Manifest.FileEntry file : manifest.files()) {
                if (file.path().startsWith(Manifest.FILES + "/")) {
                    Path target = dataDir.resolve(file.path().substring(Manifest.FILES.length() + 1)).normalize();
                    if (!target.startsWith(dataDir)) {
                        throw new BackupRefusedException("The backup names a file outside the data directory: " + file.path());
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(source.resolve(file.path()), target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the backup's files into " + dataDir + ": " + e.getMessage(), e);
        }
        log.info("Backup of {} (schema version {}) restored from {}", manifest.createdAt(), manifest.flywayVersion(), source);
        return manifest;
    }

    private MaintenanceDatabase open() {
        return MaintenanceDatabase.open(properties, durable, settings.dbUser(), settings.dbPassword());
    }

    private Path dataDir() {
        return properties.dataDir().toAbsolutePath().normalize();
    }

    /** The data directory's files that a backup holds: all but the database's own and {@code skip}'s. */
    private List<Path> dataFiles(Path dataDir, Path skip) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        Path backups = settings.directory().toAbsolutePath().normalize();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !NOT_DATA.contains(dataDir.relativize(p).getName(0).toString()))
                    .filter(p -> !p.startsWith(backups) && !p.startsWith(skip))
                    .sorted(Comparator.comparing(p -> BackupFiles.slashes(dataDir.relativize(p))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the data directory " + dataDir, e);
        }
    }

    private static int serverMajor(Connection c) throws SQLException {
        return Integer.parseInt(BackupFiles.single(c, "show server_version_num")) / 10000;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
