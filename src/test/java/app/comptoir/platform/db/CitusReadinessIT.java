package app.comptoir.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import app.comptoir.platform.ComptoirProperties;

import app.comptoir.support.IntegrationTest;

/**
 * The schema stays ready to be sharded by business with Citus (docs/scaling.md): every table of the migrated
 * database is classified as distributed by {@code tenant_id}, reference (copied to every node) or local (the
 * coordinator's own); the keys and foreign keys that Citus would refuse are counted against the known list
 * {@code deploy/citus/known-gaps.txt}, so that a new table or key cannot widen the gap; and the scripts of
 * {@code deploy/citus/} (the keys to widen, then the distribution calls in dependency order) are the ones the
 * schema gives. Regenerate them with {@code -Dcitus.write=true}.
 */
@IntegrationTest
class CitusReadinessIT {

    /** Tables without a business of their own, or shared by all: copied whole to every node. */
    static final Map<String, String> REFERENCE = Map.ofEntries(
            Map.entry("tenants", "the businesses themselves; every tenant_id references it, the shop and booking "
                    + "pages find a business by its slug (unique across businesses) before any business is known"),
            Map.entry("login_directory", "signing in finds the business of an e-mail before any business is known"),
            Map.entry("password_resets", "a reset link finds its business from the token's hash alone"),
            Map.entry("invitation_links", "an invitation link finds its business from the token's hash alone"),
            Map.entry("supplier_invitation_links", "a supplier's invitation link finds its business from the hash alone"),
            Map.entry("passkey_users", "passkey sign-in starts before the business is known (the user handle)"),
            Map.entry("passkey_credentials", "passkey sign-in starts before the business is known (the credential id)"),
            Map.entry("channel_pairing_codes", "the browser extension's pairing code names its business"),
            Map.entry("channel_device_tokens", "the browser extension's device token names its business"),
            Map.entry("inventory_tenants", "the businesses that keep stock, for the jobs that visit each of them"),
            Map.entry("purchasing_tenants", "the businesses that buy, for the jobs that visit each of them"),
            Map.entry("booking_tenants", "the businesses that take appointments, for the jobs that visit each of them"),
            Map.entry("payment_online_tenants", "the businesses with online payments, for the sweep job"),
            Map.entry("channel_tenants", "the businesses with a marketplace account, for the sync job"),
            Map.entry("inspection_tenants", "the businesses that inspect vehicles, for the reminder job"));

    /** Tables the application's nodes use through the coordinator only, never joined with business tables. */
    static final Map<String, String> LOCAL = Map.ofEntries(
            Map.entry("flyway_schema_history", "Flyway's history of the migrations, applied on the coordinator"),
            Map.entry("event_publication", "Spring Modulith's event publication registry, polled by every node across businesses"),
            Map.entry("scheduled_tasks", "db-scheduler's task table, polled by every node across businesses"),
            Map.entry("login_throttle", "failed sign-ins per address and e-mail, before any business is known"),
            Map.entry("push_vapid_keys", "the deployment's web-push key pair"),
            Map.entry("inventory_job_claims", "which node runs an inventory job, across businesses"),
            Map.entry("channel_claim_failures", "which channel accounts a node failed to claim, across businesses"),
            Map.entry("shared_counter", "throttle and rate-cap windows, keyed by address, user or business, counted by every node"),
            Map.entry("spring_session", "back-office web sessions (Spring Session JDBC), read by every node before a business is known"),
            Map.entry("spring_session_attributes", "the attributes of those web sessions"),
            Map.entry("operator_actions", "the operator console's journal, across businesses"),
            Map.entry("operator_grants", "the operators named from the console, read before any business is known"));

    static final Path SCRIPTS = Path.of("deploy/citus");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ComptoirProperties properties;

    private Map<String, Table> tables;
    private List<Unique> uniques;
    private List<ForeignKey> foreignKeys;
    private List<String> triggers;

    record Table(String name, boolean hasTenant, boolean tenantNotNull, boolean rowSecurity) {
    }

    record Unique(String table, String name, String constraint, String kind, List<String> columns, boolean hasTenant,
            String definition) {
    }

    record ForeignKey(String name, String table, String target, List<String> columns, List<String> targetColumns,
            String onDelete, String onUpdate, boolean deferrable, boolean deferred) {
    }

    enum Kind { DISTRIBUTED, REFERENCE, LOCAL }

    @BeforeEach
    void readTheSchema() {
        read(jdbc);
    }

    /** Reads the tables, unique keys and foreign keys of the schema the template connects to. */
    void read(JdbcTemplate jdbc) {
        tables = new TreeMap<>();
        jdbc.query("""
                select c.relname,
                       a.attname is not null as has_tenant,
                       coalesce(a.attnotnull, false) as tenant_not_null,
                       c.relrowsecurity and c.relforcerowsecurity as row_security
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition""",
                rs -> {
                    tables.put(rs.getString(1), new Table(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                            rs.getBoolean(4)));
                });
        uniques = jdbc.query("""
                select t.relname, ci.relname, con.conname, coalesce(con.contype::text, 'i'),
                       array(select coalesce(a.attname::text, '(expression)')
                             from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                             left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                             where k.ord <= i.indnkeyatts order by k.ord),
                       pg_get_indexdef(i.indexrelid)
                from pg_index i
                join pg_class t on t.oid = i.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                join pg_class ci on ci.oid = i.indexrelid
                left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid
                     and con.contype in ('p', 'u', 'x')
                where n.nspname = current_schema() and (i.indisunique or con.contype = 'x')
                order by t.relname, ci.relname""",
                (rs, n) -> {
                    List<String> columns = Arrays.asList((String[]) rs.getArray(5).getArray());
                    return new Unique(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), columns,
                            columns.contains("tenant_id"), rs.getString(6));
                });
        foreignKeys = jdbc.query("""
                select con.conname, cl.relname, cf.relname,
                       array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                             join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord),
                       array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, ord)
                             join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord),
                       con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred
                from pg_constraint con
                join pg_class cl on cl.oid = con.conrelid
                join pg_class cf on cf.oid = con.confrelid
                join pg_namespace n on n.oid = cl.relnamespace
                where n.nspname = current_schema() and con.contype = 'f'
                order by cl.relname, con.conname""",
                (rs, n) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray()),
                        Arrays.asList((String[]) rs.getArray(5).getArray()),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9)));
    }

    @BeforeEach
    void readTheTriggers() {
        triggers = jdbc.queryForList("""
                select c.relname || ' ' || t.tgname
                from pg_trigger t
                join pg_class c on c.oid = t.tgrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and not t.tgisinternal
                order by 1""", String.class);
    }

    @Test
    void everyTableIsClassifiedAndEveryTableWithoutABusinessIsNamed() {
        List<String> unclassified = tables.values().stream()
                .filter(t -> !t.hasTenant() && !REFERENCE.containsKey(t.name()) && !LOCAL.containsKey(t.name()))
                .map(Table::name).toList();
        Set<String> named = new TreeSet<>(REFERENCE.keySet());
        named.addAll(LOCAL.keySet());
        named.removeAll(tables.keySet());

        assertThat(unclassified)
                .as("tables without tenant_id: add tenant_id (not null, row-level security) or name them in "
                        + "CitusReadinessIT.REFERENCE or LOCAL with the reason")
                .isEmpty();
        assertThat(named).as("tables named in CitusReadinessIT that no longer exist").isEmpty();
    }

    @Test
    void everyDistributedTableHasANotNullTenantAndRowLevelSecurity() {
        List<String> nullable = distributed().stream().filter(t -> !t.tenantNotNull()).map(Table::name).toList();
        List<String> open = distributed().stream().filter(t -> !t.rowSecurity()).map(Table::name).toList();

        assertThat(nullable).as("distributed tables whose tenant_id may be null").isEmpty();
        assertThat(open).as("distributed tables without forced row-level security").isEmpty();
    }

    @Test
    void theGapToCitusIsTheKnownOneAndDoesNotGrow() throws IOException {
        Set<String> actual = new TreeSet<>(gaps());
        Set<String> known = new TreeSet<>(Files.readAllLines(SCRIPTS.resolve("known-gaps.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(known);
        Set<String> fixed = new TreeSet<>(known);
        fixed.removeAll(actual);
        write("known-gaps.txt", knownGapsFile(actual));

        assertThat(added)
                .as("new keys that Citus would refuse: a table with tenant_id needs its primary key and unique keys to "
                        + "include tenant_id (e.g. primary key (tenant_id, id)) and its foreign keys to another business "
                        + "table to carry tenant_id (foreign key (tenant_id, x_id) references x (tenant_id, id))")
                .isEmpty();
        assertThat(fixed).as("gaps fixed: remove them from deploy/citus/known-gaps.txt (and the count in docs/scaling.md)")
                .isEmpty();
    }

    @Test
    void theCitusScriptsAreTheOnesTheSchemaGives() throws IOException {
        String prepare = prepareScript();
        String distribute = distributeScript();
        write("1-widen-keys.sql", prepare);
        write("2-distribute.sql", distribute);
        String foreignKeysAgain = foreignKeysScript();
        write("3-foreign-keys.sql", foreignKeysAgain);

        assertThat(Files.readString(SCRIPTS.resolve("1-widen-keys.sql"))).as("deploy/citus/1-widen-keys.sql "
                + "(regenerate with -Dcitus.write=true)").isEqualTo(prepare);
        assertThat(Files.readString(SCRIPTS.resolve("2-distribute.sql"))).as("deploy/citus/2-distribute.sql "
                + "(regenerate with -Dcitus.write=true)").isEqualTo(distribute);
        assertThat(Files.readString(SCRIPTS.resolve("3-foreign-keys.sql"))).as("deploy/citus/3-foreign-keys.sql "
                + "(regenerate with -Dcitus.write=true)").isEqualTo(foreignKeysAgain);
        for (String table : tables.keySet()) {
            assertThat(distribute).as("every table appears in 2-distribute.sql").contains("'" + table + "'");
        }
    }

    /**
     * The key scripts are plain PostgreSQL (only 2-distribute.sql needs Citus): run on a scratch database migrated
     * by Flyway, 1-widen-keys.sql then 3-foreign-keys.sql apply without an error and leave no gap, every key of a
     * business table carrying tenant_id. What Citus itself does with them is not run here (no Citus).
     */
    @Test
    void theKeyScriptsRunOnAMigratedDatabaseAndLeaveNoGap() throws Exception {
        String database = "citus_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database + " owner comptoir");
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        String password = Files.readString(properties.dataDir().toAbsolutePath().normalize().resolve("postgres.secret"))
                .strip();
        SingleConnectionDataSource owner = new SingleConnectionDataSource(url, "comptoir", password, true);
        try {
            Flyway.configure().dataSource(owner).locations("classpath:db/migration").load().migrate();
            JdbcTemplate scratch = new JdbcTemplate(owner);
            read(scratch);
            assertThat(gaps()).as("the scratch database starts with the known gap").isNotEmpty();

            for (String script : List.of("1-widen-keys.sql", "3-foreign-keys.sql")) {
                // Each script is its own transaction (begin … commit), run as PostgreSQL's psql would: one text.
                scratch.execute(Files.readString(SCRIPTS.resolve(script)));
            }
            read(scratch);
            // Triggers stay: Citus takes them with citus.enable_unsafe_triggers (docs/scaling.md), not through a script.
            assertThat(gaps()).as("keys without tenant_id after 1-widen-keys.sql and 3-foreign-keys.sql")
                    .filteredOn(gap -> !gap.startsWith("trigger ")).isEmpty();
            assertThat(foreignKeys).as("the foreign keys between business tables are back")
                    .filteredOn(f -> kind(f.table()) == Kind.DISTRIBUTED && kind(f.target()) == Kind.DISTRIBUTED)
                    .hasSizeGreaterThanOrEqualTo(66);
        } finally {
            owner.destroy();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    // --- classification and gaps

    Kind kind(String table) {
        if (REFERENCE.containsKey(table)) {
            return Kind.REFERENCE;
        }
        if (LOCAL.containsKey(table) || !tables.get(table).hasTenant()) {
            return Kind.LOCAL;
        }
        return Kind.DISTRIBUTED;
    }

    List<Table> distributed() {
        return tables.values().stream().filter(t -> kind(t.name()) == Kind.DISTRIBUTED).toList();
    }

    /** Unique keys of distributed tables without tenant_id. */
    List<Unique> narrowKeys() {
        return uniques.stream().filter(u -> kind(u.table()) == Kind.DISTRIBUTED && !u.hasTenant()).toList();
    }

    /** Foreign keys between distributed tables that do not carry tenant_id onto the target's tenant_id. */
    List<ForeignKey> narrowForeignKeys() {
        return foreignKeys.stream()
                .filter(f -> kind(f.table()) == Kind.DISTRIBUTED && kind(f.target()) == Kind.DISTRIBUTED)
                .filter(f -> {
                    int at = f.columns().indexOf("tenant_id");
                    return at < 0 || !"tenant_id".equals(f.targetColumns().get(at));
                })
                .toList();
    }

    /** Foreign keys Citus does not allow at all: from a reference or local table to a business table, or to a local one. */
    List<ForeignKey> impossibleForeignKeys() {
        return foreignKeys.stream().filter(f -> {
            Kind from = kind(f.table());
            Kind to = kind(f.target());
            return from != Kind.DISTRIBUTED && to == Kind.DISTRIBUTED
                    || from != Kind.LOCAL && to == Kind.LOCAL;
        }).toList();
    }

    List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        narrowKeys().forEach(u -> gaps.add(("p".equals(u.kind()) ? "primary-key " : "unique ") + u.table() + " " + u.name()
                + " " + u.columns()));
        narrowForeignKeys().forEach(f -> gaps.add("foreign-key " + f.table() + " " + f.name() + " -> " + f.target()));
        impossibleForeignKeys().forEach(f -> gaps.add("impossible-foreign-key " + f.table() + " " + f.name() + " -> "
                + f.target()));
        // Citus refuses triggers on distributed tables unless citus.enable_unsafe_triggers is on (docs/scaling.md).
        triggers.stream().filter(t -> kind(t.substring(0, t.indexOf(' '))) == Kind.DISTRIBUTED)
                .forEach(t -> gaps.add("trigger " + t));
        return gaps;
    }

    String knownGapsFile(Set<String> gaps) {
        Map<String, Long> counts = gaps.stream().collect(Collectors.groupingBy(g -> g.substring(0, g.indexOf(' ')),
                TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder("""
                # Keys of the schema that Citus would refuse, checked by CitusReadinessIT (docs/scaling.md).
                # deploy/citus/1-widen-keys.sql fixes them on a new, empty cluster. The list may only shrink.
                """);
        out.append("# ").append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "))).append(" of ").append(distributed().size())
                .append(" distributed tables\n");
        gaps.forEach(g -> out.append(g).append('\n'));
        return out.toString();
    }

    // --- scripts

    String prepareScript() {
        StringBuilder out = new StringBuilder("""
                -- Generated by CitusReadinessIT from the migrated schema: do not edit (docs/scaling.md).
                -- Run on the new cluster's coordinator after Flyway and before 2-distribute.sql, on empty tables:
                -- drops the foreign keys Citus refuses and widens every key of a business table to include tenant_id,
                -- as Citus requires of distributed tables (3-foreign-keys.sql adds the foreign keys again).
                begin;

                """);
        List<ForeignKey> narrow = narrowForeignKeys();
        List<ForeignKey> impossible = impossibleForeignKeys();
        out.append("-- 1. Foreign keys that cannot stay as they are (").append(narrow.size() + impossible.size())
                .append(")\n");
        for (ForeignKey f : impossible) {
            out.append("-- ").append(f.table()).append(" (").append(kind(f.table()).name().toLowerCase())
                    .append(") cannot reference ").append(f.target()).append(" (")
                    .append(kind(f.target()).name().toLowerCase()).append(") under Citus: dropped\n");
            out.append("alter table ").append(f.table()).append(" drop constraint ").append(f.name()).append(";\n");
        }
        for (ForeignKey f : narrow) {
            out.append("alter table ").append(f.table()).append(" drop constraint ").append(f.name()).append(";\n");
        }
        List<Unique> keys = narrowKeys();
        out.append("\n-- 2. Primary and unique keys of business tables, tenant_id first (").append(keys.size())
                .append(")\n");
        for (Unique u : keys) {
            if (u.constraint() != null && !u.columns().contains("(expression)")) {
                out.append("alter table ").append(u.table()).append(" drop constraint ").append(u.constraint())
                        .append(", add constraint ").append(u.constraint())
                        .append("p".equals(u.kind()) ? " primary key (" : " unique (")
                        .append("tenant_id, ").append(String.join(", ", u.columns())).append(");\n");
            } else {
                out.append("drop index ").append(u.name()).append(";\n");
                out.append(u.definition().replaceFirst(" USING (\\w+) \\(", " USING $1 (tenant_id, ")
                        .replace("public.", "")).append(";\n");
            }
        }
        out.append("\ncommit;\n");
        return out.toString();
    }

    String foreignKeysScript() {
        List<ForeignKey> narrow = narrowForeignKeys();
        StringBuilder out = new StringBuilder("""
                -- Generated by CitusReadinessIT from the migrated schema: do not edit (docs/scaling.md).
                -- Run on the new cluster's coordinator after 2-distribute.sql: the foreign keys that
                -- 1-widen-keys.sql dropped, again, carrying tenant_id (between co-located tables).
                begin;

                """);
        out.append("-- ").append(narrow.size()).append(" foreign keys\n");
        for (ForeignKey f : narrow) {
            out.append("alter table ").append(f.table()).append(" add constraint ").append(f.name())
                    .append(" foreign key (tenant_id, ").append(String.join(", ", f.columns())).append(") references ")
                    .append(f.target()).append(" (tenant_id, ").append(String.join(", ", f.targetColumns())).append(")")
                    .append(action("delete", f.onDelete(), f.columns()))
                    .append(action("update", f.onUpdate(), List.of()))
                    .append(f.deferrable() ? " deferrable" : "").append(f.deferred() ? " initially deferred" : "")
                    .append(";\n");
        }
        out.append("\ncommit;\n");
        return out.toString();
    }

    static String action(String event, String code, List<String> columns) {
        String setColumns = columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")";
        return switch (code) {
            case "c" -> " on " + event + " cascade";
            case "n" -> " on " + event + " set null" + setColumns;
            case "d" -> " on " + event + " set default" + setColumns;
            case "r" -> " on " + event + " restrict";
            default -> "";
        };
    }

    String distributeScript() {
        List<String> order = dependencyOrder();
        StringBuilder out = new StringBuilder("""
                -- Generated by CitusReadinessIT from the migrated schema: do not edit (docs/scaling.md).
                -- Run on the new cluster's coordinator after 1-widen-keys.sql, before 3-foreign-keys.sql and before
                -- loading any business. Referenced tables come before the tables that reference them.
                begin;

                """);
        out.append("-- Reference tables: copied whole to every node\n");
        order.stream().filter(t -> kind(t) == Kind.REFERENCE).forEach(t -> out.append("select create_reference_table('")
                .append(t).append("'); -- ").append(REFERENCE.get(t)).append('\n'));
        List<String> business = order.stream().filter(t -> kind(t) == Kind.DISTRIBUTED).toList();
        out.append("\n-- Business tables (").append(business.size())
                .append("): sharded by tenant_id, all in one co-location group so that a business's rows of every "
                        + "table are on the same node\n");
        String first = business.isEmpty() ? null : business.getFirst();
        for (String t : business) {
            out.append("select create_distributed_table('").append(t).append("', 'tenant_id'")
                    .append(t.equals(first) ? ", colocate_with => 'none'" : ", colocate_with => '" + first + "'")
                    .append(");\n");
        }
        out.append("\n-- Local tables: stay on the coordinator, as they are\n");
        order.stream().filter(t -> kind(t) == Kind.LOCAL).forEach(t -> out.append("-- '").append(t).append("': ")
                .append(LOCAL.getOrDefault(t, "")).append('\n'));
        out.append("\ncommit;\n");
        return out.toString();
    }

    /**
     * Tables sorted so that a table comes after those it still references once 1-widen-keys.sql has run
     * (alphabetical among equals); a cycle of such references fails the test.
     */
    List<String> dependencyOrder() {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        tables.keySet().forEach(t -> needs.put(t, new TreeSet<>()));
        List<ForeignKey> dropped = new ArrayList<>(narrowForeignKeys());
        dropped.addAll(impossibleForeignKeys());
        foreignKeys.stream().filter(f -> !f.table().equals(f.target()) && !dropped.contains(f))
                .forEach(f -> needs.get(f.table()).add(f.target()));
        List<String> order = new ArrayList<>();
        TreeSet<String> left = new TreeSet<>(tables.keySet());
        while (!left.isEmpty()) {
            String next = left.stream().filter(t -> order.containsAll(needs.get(t))).findFirst()
                    .orElseThrow(() -> new AssertionError("foreign keys in a cycle among " + left));
            order.add(next);
            left.remove(next);
        }
        return order;
    }

    static void write(String name, String content) throws IOException {
        Path target = Path.of("target/citus");
        Files.createDirectories(target);
        Files.writeString(target.resolve(name), content, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("citus.write")) {
            Files.createDirectories(SCRIPTS);
            Files.writeString(SCRIPTS.resolve(name), content, StandardCharsets.UTF_8);
        }
    }
}
