package app.comptoir.platform.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.db.MaintenanceDatabase;

/**
 * Exports one business (its {@code tenants} row, every row of every table with a {@code tenant_id}, its document
 * number sequences and its files of the data directory) into a folder, and imports such a folder into another
 * deployment of the same schema version.
 *
 * <p>Rows are written as JSON lines, one file per table ({@code to_jsonb} of the row, ordered by primary key); the
 * manifest ({@code business.json}) lists each table's row count and checksum (the MD5 of the rows' text, as
 * {@link TableFingerprint} but for the business's rows only) and {@code SHA256SUMS} the SHA-256 of every file.
 *
 * <p>The import checks every checksum, refuses a deployment that has a business with the same id or address
 * (slug), then inserts every table in one transaction with {@code session_replication_role = replica}: the rows are
 * the business's as they were, so the triggers that fill in the acting user must not run, and foreign keys
 * (self-references such as category trees included) are not checked row by row but all at the end, in the same
 * transaction, for every imported table: a reference to a row the import did not bring (another business's, a
 * row of a table that is not carried) refuses the whole import. The rows' checksums are then compared with the
 * manifest before the commit; the files are copied after it.
 */
final class BusinessMoves {

    private static final Logger log = LoggerFactory.getLogger(BusinessMoves.class);

    static final String NAME = "business.json";
    static final String TABLES = "tables";
    static final String FILES = "files";

    /**
     * Tables with a {@code tenant_id} that are not carried: sign-in sessions and tokens, one-time links and codes,
     * background jobs and their claims, deliveries in flight and the login throttle. They belong to the deployment
     * the business leaves; the new one starts them afresh (users sign in again).
     */
    static final Set<String> NOT_CARRIED = Set.of("refresh_tokens", "password_resets", "remembered_devices",
            "shopper_sessions", "login_throttle", "jobs", "inventory_job_claims", "channel_pairing_codes",
            "channel_claim_failures", "channel_device_tokens", "event_publication", "scheduled_tasks");

    /** Directories of the data directory with one sub-directory per business that is not carried (transient). */
    private static final Set<String> TRANSIENT_DIRECTORIES = Set.of("jobs", "imports");

    private static final Set<String> NOT_DATA = Set.of("postgres", "logs");

    private static final Pattern SEQUENCE = Pattern.compile("sales_number_[0-9a-f]{32}_[a-z]{1,10}_[0-9]{4}");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What an export folder holds. */
    record BusinessManifest(int format, String createdAt, String appVersion, String flywayVersion, UUID tenantId,
                            String slug, List<TableFingerprint> tables, Map<String, Long> sequences,
                            List<Manifest.FileEntry> files) {
    }

    private final ComptoirProperties properties;
    private final BackupProperties settings;
    private final boolean durable;
    private final String appVersion;
    private final Clock clock;

    BusinessMoves(ComptoirProperties properties, BackupProperties settings, boolean durable, String appVersion,
                  Clock clock) {
        this.properties = properties;
        this.settings = settings;
        this.durable = durable;
        this.appVersion = appVersion;
        this.clock = clock;
    }

    /** Exports the business named by its slug or id into {@code target}, which must not exist (or be empty). */
    BusinessManifest export(String business, Path target) {
        target = target.toAbsolutePath().normalize();
        if (Files.exists(target) && !BackupFiles.isEmptyDirectory(target)) {
            throw new BackupRefusedException("Cannot export into " + target + ": it already exists");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (MaintenanceDatabase db = open(); Connection c = db.connect()) {
            Backups.deleteRecursively(partial);
            Files.createDirectories(partial.resolve(TABLES));
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            sessionFormats(c);
            String flyway = BackupFiles.flywayVersion(c);
            UUID tenant;
            String slug;
            try (PreparedStatement s = c.prepareStatement("select id, slug from tenants where id::text = ? or slug = ?")) {
                s.setString(1, business);
                s.setString(2, business);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new BackupRefusedException("No business " + business + " in this deployment (give its"
                                + " address name or its id)");
                    }
                    tenant = rs.getObject(1, UUID.class);
                    slug = rs.getString(2);
                }
            }
            List<Manifest.FileEntry> files = new ArrayList<>();
            List<TableFingerprint> tables = new ArrayList<>();
            for (String table : carriedTables(c)) {
                String relative = TABLES + "/" + table + ".jsonl";
                Path file = partial.resolve(relative);
                TableFingerprint fingerprint = writeRows(c, table, tenant, file);
                tables.add(fingerprint);
                files.add(new Manifest.FileEntry(relative, Files.size(file), Manifest.sha256(file)));
            }
            Map<String, Long> sequences = sequences(c, tenant);
            c.commit();
            Path dataDir = dataDir();
            for (Path file : businessFiles(dataDir, tenant)) {
                String relative = FILES + "/" + BackupFiles.slashes(dataDir.relativize(file));
                Path copy = partial.resolve(relative);
                Files.createDirectories(copy.getParent());
                files.add(new Manifest.FileEntry(relative, Files.size(file), BackupFiles.copyWithDigest(file, copy)));
            }
            BusinessManifest manifest = new BusinessManifest(1, clock.instant().toString(), appVersion, flyway, tenant,
                    slug, tables, sequences, files);
            write(partial, manifest);
            Files.deleteIfExists(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Business {} ({}) exported to {}: {} tables, {} rows, {} files", slug, tenant, target,
                    tables.size(), tables.stream().mapToLong(TableFingerprint::rows).sum(),
                    files.size() - tables.size());
            return manifest;
        } catch (IOException e) {
            Backups.deleteRecursively(partial);
            throw new UncheckedIOException("Cannot write the export into " + target + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            Backups.deleteRecursively(partial);
            throw new IllegalStateException("Cannot read the business's rows: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Backups.deleteRecursively(partial);
            throw e;
        }
    }

    /** Imports the export in {@code source} into this deployment, which must not have that business yet. */
    BusinessManifest importFrom(Path source) {
        source = source.toAbsolutePath().normalize();
        BusinessManifest manifest = readVerified(source);
        Path dataDir = dataDir();
        try (MaintenanceDatabase db = open(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            sessionFormats(c);
            String flyway = BackupFiles.flywayVersion(c);
            if (!manifest.flywayVersion().equals(flyway)) {
                throw new BackupRefusedException("Refusing to import: the export has schema version "
                        + manifest.flywayVersion() + " and this deployment " + (flyway == null ? "none (start it once"
                        + " first)" : flyway) + "; run the same version of Comptoir on both sides");
            }
            try (PreparedStatement s = c.prepareStatement("select id, slug from tenants where id = ? or slug = ?")) {
                s.setObject(1, manifest.tenantId());
                s.setString(2, manifest.slug());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        throw new BackupRefusedException("Refusing to import: this deployment already has the business "
                                + rs.getString(2) + " (" + rs.getObject(1) + "), with the same "
                                + (rs.getObject(1, UUID.class).equals(manifest.tenantId()) ? "id" : "address name")
                                + " as the export's " + manifest.slug() + " (" + manifest.tenantId() + ")");
                    }
                }
            }
            List<String> present = carriedTables(c);
            for (TableFingerprint table : manifest.tables()) {
                if (!present.contains(table.table())) {
                    throw new BackupRefusedException("Refusing to import: the export has a table " + table.table()
                            + " that this deployment does not have");
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            for (TableFingerprint table : manifest.tables()) {
                try {
                    insertRows(c, table.table(), source.resolve(TABLES).resolve(table.table() + ".jsonl"));
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) { // unique_violation: e.g. a sign-in e-mail used here already
                        throw new BackupRefusedException("Refusing to import: a row of " + table.table()
                                + " collides with one of this deployment (" + e.getMessage() + "); nothing was written");
                    }
                    throw e;
                }
            }
            List<String> broken = brokenReferences(c, manifest.tables().stream().map(TableFingerprint::table).toList(),
                    manifest.tenantId());
            if (!broken.isEmpty()) {
                throw new BackupRefusedException("Refusing to import: rows of the export refer to rows it does not"
                        + " bring (another business's, or a table that is not carried): " + String.join("; ", broken));
            }
            List<String> differences = new ArrayList<>();
            for (TableFingerprint expected : manifest.tables()) {
                TableFingerprint actual = fingerprint(c, expected.table(), manifest.tenantId());
                if (!actual.equals(expected)) {
                    differences.add(expected.table() + ": " + actual.rows() + " rows (" + actual.md5() + ") instead of "
                            + expected.rows() + " (" + expected.md5() + ")");
                }
            }
            if (!differences.isEmpty()) {
                throw new IllegalStateException("The imported rows differ from the export's manifest: "
                        + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
            }
            createSequences(c, manifest, db);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot import the business (nothing was written): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the export's rows (nothing was written): " + e.getMessage(), e);
        }
        try {
            for (Manifest.FileEntry file : manifest.files()) {
                if (file.path().startsWith(FILES + "/")) {
                    Path target = dataDir.resolve(file.path().substring(FILES.length() + 1)).normalize();
                    if (!target.startsWith(dataDir)) {
                        throw new BackupRefusedException("The export names a file outside the data directory: "
                                + file.path());
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(source.resolve(file.path()), target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The business's rows are imported but its files cannot be copied into "
                    + dataDir + " (" + e.getMessage() + "); copy the export's files/ folder there by hand", e);
        }
        log.info("Business {} ({}) imported from {}", manifest.slug(), manifest.tenantId(), source);
        return manifest;
    }

    /** The tables carried: {@code public.tenants} first, then every table with a {@code tenant_id}, by name. */
    private static List<String> carriedTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        tables.add("tenants");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                order by c.relname collate "C"
                """)) {
            while (rs.next()) {
                if (!NOT_CARRIED.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static String ownRows(String table) {
        return table.equals("tenants") ? "id = ?" : "tenant_id = ?";
    }

    private static TableFingerprint writeRows(Connection c, String table, UUID tenant, Path file)
            throws SQLException, IOException {
        List<String> key = primaryKey(c, table);
        String order = key.isEmpty() ? "t::text collate \"C\"" : String.join(", ", key.stream().map(k -> "t." + k).toList());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             PreparedStatement s = c.prepareStatement("select to_jsonb(t)::text from public." + quote(table) + " t where t."
                     + ownRows(table) + " order by " + order)) {
            s.setFetchSize(1000);
            s.setObject(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.write(rs.getString(1));
                    out.write('\n');
                }
            }
        }
        return fingerprint(c, table, tenant);
    }

    /** The business's rows of the table: their count and the MD5 of their text, sorted byte-wise. */
    static TableFingerprint fingerprint(Connection c, String table, UUID tenant) throws SQLException {
        return TableFingerprint.of(c, table, "public." + quote(table), " where t." + ownRows(table), tenant);
    }

    private static void insertRows(Connection c, String table, Path file) throws SQLException, IOException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select quote_ident(a.attname) from pg_attribute a
                where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = '' order by a.attnum""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        String list = String.join(", ", columns);
        String qualified = "public." + quote(table);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             PreparedStatement s = c.prepareStatement("insert into " + qualified + " (" + list + ") select " + list
                     + " from jsonb_populate_recordset(null::" + qualified + ", ?::jsonb)")) {
            StringBuilder batch = new StringBuilder();
            int count = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                batch.append(count == 0 ? "[" : ",").append(line);
                if (++count == 500) {
                    s.setString(1, batch.append(']').toString());
                    s.executeUpdate();
                    batch.setLength(0);
                    count = 0;
                }
            }
            if (count > 0) {
                s.setString(1, batch.append(']').toString());
                s.executeUpdate();
            }
        }
    }

    /** Every foreign key of the imported tables that one of the business's rows breaks, with the number of rows. */
    private static List<String> brokenReferences(Connection c, List<String> tables, UUID tenant) throws SQLException {
        record ForeignKey(String name, String table, String parent, List<String> columns, List<String> parentColumns) {
        }
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select con.conname, child.relname, parent.relname,
                       array(select quote_ident(a.attname) from unnest(con.conkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i),
                       array(select quote_ident(a.attname) from unnest(con.confkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i)
                from pg_constraint con join pg_class child on child.oid = con.conrelid
                join pg_class parent on parent.oid = con.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                where con.contype = 'f' and n.nspname = 'public' and child.relname = any (?)
                order by child.relname, con.conname""")) {
            s.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3),
                            List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray())));
                }
            }
        }
        List<String> broken = new ArrayList<>();
        for (ForeignKey key : keys) {
            List<String> notNull = new ArrayList<>();
            List<String> match = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                notNull.add("t." + key.columns().get(i) + " is not null");
                match.add("p." + key.parentColumns().get(i) + " = t." + key.columns().get(i));
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from public." + quote(key.table()) + " t where t."
                    + ownRows(key.table()) + " and " + String.join(" and ", notNull) + " and not exists (select 1 from"
                    + " public." + quote(key.parent()) + " p where " + String.join(" and ", match) + ")")) {
                s.setObject(1, tenant);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        broken.add(key.table() + "." + key.name() + " (" + rs.getLong(1) + " rows)");
                    }
                }
            }
        }
        return broken;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select quote_ident(a.attname) from pg_index i
                cross join unnest(i.indkey) with ordinality k(n, pos)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n
                where i.indrelid = ('public.' || quote_ident(?))::regclass and i.indisprimary order by k.pos""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }

    /** The business's document number sequences ({@code sales.DocumentNumbers}) and their last values given out. */
    private static Map<String, Long> sequences(Connection c, UUID tenant) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select sequencename, last_value from pg_sequences
                where schemaname = 'public' and sequencename like ? and last_value is not null
                order by sequencename collate "C\"""")) {
            s.setString(1, "sales\\_number\\_" + tenant.toString().replace("-", "") + "\\_%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return sequences;
    }

    private static void createSequences(Connection c, BusinessManifest manifest, MaintenanceDatabase db)
            throws SQLException {
        String prefix = "sales_number_" + manifest.tenantId().toString().replace("-", "") + "_";
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                if (!SEQUENCE.matcher(sequence.getKey()).matches() || !sequence.getKey().startsWith(prefix)) {
                    throw new BackupRefusedException("The export names a sequence that is not the business's: "
                            + sequence.getKey());
                }
                // the name is checked above: hex digits, a kind and a year, nothing to quote
                s.execute("create sequence " + sequence.getKey() + " as bigint start with " + (sequence.getValue() + 1));
                if (!db.user().equals(db.appRole())) {
                    s.execute("alter sequence " + sequence.getKey() + " owner to " + quote(db.appRole()));
                }
            }
        }
    }

    /** The business's files: {@code <directory>/<tenant id>/...} of every directory of the data directory. */
    private List<Path> businessFiles(Path dataDir, UUID tenant) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return files;
        }
        Path backups = settings.directory().toAbsolutePath().normalize();
        try (Stream<Path> directories = Files.list(dataDir)) {
            for (Path directory : directories.filter(Files::isDirectory).sorted().toList()) {
                String name = directory.getFileName().toString();
                Path own = directory.resolve(tenant.toString());
                if (NOT_DATA.contains(name) || TRANSIENT_DIRECTORIES.contains(name) || directory.equals(backups)
                        || !Files.isDirectory(own)) {
                    continue;
                }
                try (Stream<Path> paths = Files.walk(own)) {
                    paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part"))
                            .sorted(Comparator.comparing(p -> BackupFiles.slashes(dataDir.relativize(p)))).forEach(files::add);
                }
            }
        }
        return files;
    }

    private static void write(Path folder, BusinessManifest manifest) throws IOException {
        Files.write(folder.resolve(NAME), JSON.writeValueAsBytes(manifest));
        StringBuilder sums = new StringBuilder();
        for (Manifest.FileEntry file : manifest.files()) {
            sums.append(file.sha256()).append("  ").append(file.path()).append('\n');
        }
        sums.append(Manifest.sha256(folder.resolve(NAME))).append("  ").append(NAME).append('\n');
        Files.writeString(folder.resolve(Manifest.SUMS), sums, StandardCharsets.UTF_8);
    }

    /** The export's manifest, after every file is checked against {@code SHA256SUMS} and the manifest. */
    static BusinessManifest readVerified(Path folder) {
        if (!Files.isRegularFile(folder.resolve(NAME))) {
            throw new BackupRefusedException("No business export at " + folder + " (no " + NAME + ")");
        }
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(folder.resolve(Manifest.SUMS))) {
                throw new BackupRefusedException("The export at " + folder + " is incomplete: it has no " + Manifest.SUMS);
            }
            for (String line : Files.readAllLines(folder.resolve(Manifest.SUMS), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    if (line.indexOf("  ") != 64) {
                        throw new BackupRefusedException("The export at " + folder + " is corrupted: " + Manifest.SUMS
                                + " has a malformed line");
                    }
                    sums.put(line.substring(66), line.substring(0, 64));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkSum(folder, NAME, sums.get(NAME));
        BusinessManifest manifest;
        try {
            manifest = JSON.readValue(Files.readAllBytes(folder.resolve(NAME)), BusinessManifest.class);
        } catch (JacksonException | IOException e) {
            throw new BackupRefusedException("The export at " + folder + " is corrupted: its " + NAME
                    + " cannot be read (" + e.getMessage() + ")");
        }
        if (manifest.format() != 1) {
            throw new BackupRefusedException("The export at " + folder + " has format " + manifest.format()
                    + ", which this version does not know");
        }
        for (Manifest.FileEntry file : manifest.files()) {
            if (!file.sha256().equals(sums.get(file.path()))) {
                throw new BackupRefusedException("The export at " + folder + " is corrupted: " + file.path()
                        + " has different checksums in " + NAME + " and " + Manifest.SUMS);
            }
            checkSum(folder, file.path(), file.sha256());
        }
        for (TableFingerprint table : manifest.tables()) {
            if (manifest.files().stream().noneMatch(f -> f.path().equals(TABLES + "/" + table.table() + ".jsonl"))) {
                throw new BackupRefusedException("The export at " + folder + " is corrupted: the rows of "
                        + table.table() + " are missing");
            }
        }
        return manifest;
    }

    private static void checkSum(Path folder, String name, String expected) {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder) || expected == null || !Files.isRegularFile(file)) {
            throw new BackupRefusedException("The export at " + folder + " is corrupted: " + name
                    + (expected == null ? " is not in " + Manifest.SUMS : " is missing or outside the export"));
        }
        if (!expected.equals(Manifest.sha256(file))) {
            throw new BackupRefusedException("The export at " + folder + " is corrupted: the SHA-256 of " + name
                    + " does not match " + Manifest.SUMS);
        }
    }

    private static void sessionFormats(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local TimeZone = 'UTC'");
            s.execute("set local DateStyle = 'ISO, YMD'");
            s.execute("set local IntervalStyle = 'postgres'");
            s.execute("set local extra_float_digits = 1");
        }
    }

    private MaintenanceDatabase open() {
        return MaintenanceDatabase.open(properties, durable, settings.dbUser(), settings.dbPassword());
    }

    private Path dataDir() {
        return properties.dataDir().toAbsolutePath().normalize();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

}
