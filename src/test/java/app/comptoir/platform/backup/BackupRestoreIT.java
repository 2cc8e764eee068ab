package app.comptoir.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.db.MaintenanceDatabase;
import app.comptoir.platform.db.TenantSettings;
import app.comptoir.support.IntegrationTest;

/**
 * A backup of the integration suite's deployment (the demo businesses and whatever the tests before made), through
 * the command line's {@code backup}, restored with {@code restore} into a new data directory whose embedded
 * PostgreSQL starts empty: every table has the same rows (count and checksum computed here with SQL, not with the
 * backup's code), the schema keeps its row-level security, and every data file is there with the same content. A
 * corrupted backup and a deployment that holds data are refused before anything is written.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

    @Autowired
    ComptoirProperties properties;

    @TempDir
    static Path work;

    private Path backup;

    @Test
    void aBackupRestoredIntoANewDeploymentHasEveryRowAndFileOfTheOriginal() throws Exception {
        Path backup = backup();
        assertThat(backup.resolve("database.dump")).isNotEmptyFile();
        assertThat(backup.resolve("SHA256SUMS")).isNotEmptyFile();
        Manifest manifest = Manifest.readVerified(backup);
        assertThat(manifest.flywayVersion()).isNotBlank();
        assertThat(manifest.appVersion()).isNotBlank();
        Map<String, Long> rows = manifest.tables().stream()
                .collect(Collectors.toMap(TableFingerprint::table, TableFingerprint::rows));
        assertThat(rows.get("public.tenants")).as("the demo businesses").isGreaterThanOrEqualTo(5);
        assertThat(rows.get("public.variants")).isPositive();
        assertThat(rows.get("public.flyway_schema_history")).isPositive();
        List<Manifest.FileEntry> dataFiles = manifest.files().stream()
                .filter(f -> f.path().startsWith("files/")).toList();
        assertThat(dataFiles).as("images and keys of the data directory").isNotEmpty();
        assertThat(dataFiles).noneMatch(f -> f.path().startsWith("files/postgres/") || f.path().startsWith("files/logs/")
                || f.path().endsWith(".secret"));

        Path restored = work.resolve("restored-data");
        assertThat(BackupCommand.run(command("restore", backup, restored))).isZero();

        try (MaintenanceDatabase db = MaintenanceDatabase.open(settingsOf(restored), false, null, null);
             Connection c = db.connect()) {
            Map<String, String> actual = checksumsWithSql(c);
            Map<String, String> expected = new LinkedHashMap<>();
            manifest.tables().forEach(t -> expected.put(t.table(), t.rows() + " " + t.md5()));
            assertThat(actual).isEqualTo(expected);
            try (MaintenanceDatabase source = MaintenanceDatabase.open(properties, false, null, null);
                 Connection original = source.connect()) {
                assertThat(schemaOf(c)).as("tables, owners and row-level security").isEqualTo(schemaOf(original));
            }
            // the application's role reads a business's rows, and only with its tenant set
            String appPassword = Files.readString(restored.resolve("postgres.secret")).trim();
            try (Connection app = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + db.port() + "/comptoir", "comptoir", appPassword);
                 Statement s = app.createStatement()) {
                assertThat(count(s, "select count(*) from users")).isZero();
                String tenant = single(s, "select id from tenants order by id limit 1");
                app.setAutoCommit(false);
                s.execute(TenantSettings.setLocal(UUID.fromString(tenant), null));
                assertThat(count(s, "select count(*) from users")).isPositive();
                app.rollback();
            }
        }
        for (Manifest.FileEntry file : dataFiles) {
            Path copy = restored.resolve(file.path().substring("files/".length()));
            assertThat(copy).exists();
            assertThat(sha256(copy)).as(file.path()).isEqualTo(file.sha256());
            Path original = properties.dataDir().resolve(file.path().substring("files/".length()));
            if (Files.exists(original)) {
                assertThat(sha256(copy)).as("%s as in the original data directory", file.path())
                        .isEqualTo(sha256(original));
            }
        }
    }

    @Test
    void aCorruptedBackupIsRefusedBeforeTheDeploymentIsTouched() throws Exception {
        Path corrupted = work.resolve("corrupted");
        copyTree(backup(), corrupted);
        try (RandomAccessFile dump = new RandomAccessFile(corrupted.resolve("database.dump").toFile(), "rw")) {
            dump.seek(dump.length() / 2);
            int b = dump.read();
            dump.seek(dump.length() / 2);
            dump.write(b ^ 0xFF);
        }
        Path target = work.resolve("never-touched");
        Backups backups = backupsOf(target);

        assertThatThrownBy(() -> backups.restore(corrupted))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("is corrupted: the SHA-256 of database.dump does not match SHA256SUMS");
        Files.delete(corrupted.resolve("files").resolve(firstDataFile()));
        assertThatThrownBy(() -> backups.restore(corrupted))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("is corrupted");
        assertThat(target).doesNotExist();
        assertThat(BackupCommand.run(command("restore", corrupted, target))).isEqualTo(1);
        assertThat(target.resolve("postgres")).doesNotExist();
    }

    @Test
    void aDeploymentThatHoldsDataIsRefused() throws Exception {
        Backups intoTheRunningOne = backupsOf(properties.dataDir());
        assertThatThrownBy(() -> intoTheRunningOne.restore(backup()))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("the data directory " + properties.dataDir().toAbsolutePath().normalize()
                        + " is not empty");

        Path withATable = work.resolve("database-with-a-table");
        try (MaintenanceDatabase db = MaintenanceDatabase.open(settingsOf(withATable), false, null, null);
             Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table leftover (id int)");
        }
        assertThatThrownBy(() -> backupsOf(withATable).restore(backup()))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("the database comptoir on localhost:")
                .hasMessageContaining("is not empty (1 tables)");
    }

    @Test
    void aFolderThatHoldsNoDeploymentIsNotBackedUp() {
        Path nothing = work.resolve("no-deployment-here");

        assertThatThrownBy(() -> backupsOf(nothing).create(work.resolve("empty-backup")))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("No deployment to back up in " + nothing);
        assertThat(nothing).doesNotExist();
        assertThat(work.resolve("empty-backup")).doesNotExist();
    }

    /** The suite's backup, made once through the command line. */
    private synchronized Path backup() {
        if (backup == null) {
            Path folder = work.resolve("backup");
            assertThat(BackupCommand.run(command("backup", folder, properties.dataDir()))).isZero();
            backup = folder;
        }
        return backup;
    }

    private String firstDataFile() throws IOException {
        return Manifest.readVerified(backup()).files().stream().filter(f -> f.path().startsWith("files/"))
                .map(f -> f.path().substring("files/".length())).findFirst().orElseThrow();
    }

    /** The command line of {@code verb [operands...] folder} for the deployment of {@code dataDir}. */
    static String[] command(String verb, Path folder, Path dataDir, String... operands) {
        return Stream.of(new String[]{verb}, operands, new String[]{folder.toString(), "--comptoir.data-dir=" + dataDir,
                "--comptoir.db.durable=false", "--logging.file.name=",
                "--comptoir.backup.directory=" + dataDir.resolveSibling("no-backups")}).flatMap(Stream::of)
                .toArray(String[]::new);
    }

    static ComptoirProperties settingsOf(Path dataDir) {
        return new ComptoirProperties(dataDir, new ComptoirProperties.Db(null, null, null, 0, 0),
                null, null);
    }

    private static Backups backupsOf(Path dataDir) {
        return new Backups(settingsOf(dataDir), new BackupProperties(dataDir.resolveSibling("no-backups"), null, null,
                null, new BackupProperties.Schedule(false, null, 7, 4)), false, "test", Clock.systemUTC());
    }

    /** Every table's row count and MD5 of its sorted rows, with SQL alone (the formula of the operator guide). */
    private static Map<String, String> checksumsWithSql(Connection c) throws Exception {
        Map<String, String> checksums = new LinkedHashMap<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local TimeZone = 'UTC'");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
                    where schemaname not in ('pg_catalog', 'information_schema')
                    order by schemaname collate "C", tablename collate "C"
                    """)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(t::text, E'\\n'"
                        + " order by t::text collate \"C\")), md5('')) from " + table + " t")) {
                    rs.next();
                    checksums.put(table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        c.rollback();
        c.setAutoCommit(true);
        return checksums;
    }

    private static Set<String> schemaOf(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname || ' ' || pg_get_userbyid(c.relowner) || ' ' || c.relrowsecurity || ' '
                       || c.relforcerowsecurity || ' ' || (select count(*) from pg_policy p where p.polrelid = c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')""")) {
            Set<String> tables = new java.util.TreeSet<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        return Long.parseLong(single(s, sql));
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
