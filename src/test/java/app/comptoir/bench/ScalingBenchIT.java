package app.comptoir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.inventory.StockFilter;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.db.TenantSettings;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The many-business benchmark of {@code bench/README.md} and docs/scaling.md: one business is made through the
 * API (products, stock, orders), then copied in SQL into 100, 1,000 and 10,000 businesses of the same shape; at
 * each size the typical reads of a back office (product list, order list, stock levels) run for businesses drawn
 * at random, the way the application runs them (the application's role, the business set for the transaction,
 * row-level security on), and their latency is printed. Runs only with {@code -Dbench=true} (bench/scaling.sh).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ScalingBenchIT {

    static final int[] SIZES = Arrays.stream(System.getProperty("bench.businesses", "100,1000,10000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final int SAMPLES = Integer.getInteger("bench.samples", 2000);
    static final int PRODUCTS = 20;
    static final int ORDERS = 20;

    static final Map<String, String> QUERIES = Map.of(
            "product list", """
                    select p.id, p.name, p.price_min, p.price_max, p.status from products p
                    where p.tenant_id = ? and p.deleted_at is null order by p.name, p.id limit 24""",
            "product list, RLS only", """
                    select p.id, p.name, p.price_min, p.price_max, p.status from products p
                    where p.deleted_at is null and ?::uuid is not null order by p.name, p.id limit 24""",
            "order list", """
                    select o.id, o.number, o.status, o.customer_name, o.gross, o.created_at,
                           count(*) over () as total
                    from sales_orders o where o.tenant_id = ? order by o.created_at desc, o.id limit 20""",
            "stock levels, SQL of the first runs", """
                    select v.sku, p.name, l.on_hand, l.reserved from stock_levels l
                    join variants v on v.tenant_id = l.tenant_id and v.id = l.variant_id
                    join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                    where l.tenant_id = ? and v.deleted_at is null order by v.sku limit 50""");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    StockQueries stockQueries;

    @Autowired
    TenantContext tenantContext;

    @Test
    void perBusinessLatencyDoesNotDependOnTheNumberOfBusinesses() throws Exception {
        Account template = Api.newBusiness(port, "Modèle");
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            String variant = Api.as(port, template).body(Map.of("name", "Produit " + i, "vatRate", 20,
                            "variants", List.of(Map.of("sku", "SKU-" + i, "price", new BigDecimal("9.90")))))
                    .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
            Api.as(port, template).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 100))
                    .post("/api/v1/stocks/movements").then().statusCode(201);
            variants.add(variant);
        }
        for (int i = 0; i < ORDERS; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("customer", Map.of("name", "Client " + i, "phone", "06 12 34 56 78"));
            body.put("lines", List.of(Map.of("variantId", variants.get(i % PRODUCTS), "quantity", 1),
                    Map.of("variantId", variants.get((i + 7) % PRODUCTS), "quantity", 2)));
            Api.as(port, template).body(body).post("/api/v1/orders").then().statusCode(201);
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                Many businesses (%d products, %d orders each, copied from one made through the API), %d reads per
                query and size, each for a business drawn at random, one client, the application's role under
                row-level security, embedded PostgreSQL 17
                """, PRODUCTS, ORDERS, SAMPLES));
        int made = 1;
        try (Connection owner = postgres.getDatabase("postgres", "comptoir").getConnection()) {
            Map<String, Long> rowsPerBusiness = rowsOf(owner, template.tenantId());
            report.append("  rows of one business: ").append(rowsPerBusiness.values().stream().mapToLong(Long::longValue)
                    .sum()).append(" in ").append(rowsPerBusiness.size()).append(" tables\n");
            for (int size : SIZES) {
                long started = System.nanoTime();
                copy(owner, template.tenantId(), made, size - 1, rowsPerBusiness.keySet());
                double copySeconds = (System.nanoTime() - started) / 1e9;
                made = size;
                try (Statement s = owner.createStatement()) {
                    s.execute("analyze");
                }
                long businesses = count(owner, "select count(*) from tenants");
                String databaseSize = text(owner, "select pg_size_pretty(pg_database_size('comptoir'))");
                report.append(String.format(Locale.ROOT, "%n%d businesses copied (%d in the database, %s, copy %.0f s)%n",
                        size, businesses, databaseSize, copySeconds));
                List<UUID> sample = sample(owner, template.tenantId(), size - 1);
                for (Map.Entry<String, String> query : new java.util.TreeMap<>(QUERIES).entrySet()) {
                    double[][] ms = measure(query.getValue(), sample);
                    report.append(String.format(Locale.ROOT, "  %-23s first read p50 %6.2f p90 %6.2f p99 %6.2f mean %6.2f"
                                    + " | again p50 %6.2f p90 %6.2f p99 %6.2f mean %6.2f ms%n", query.getKey(),
                            ms[0][0], ms[0][1], ms[0][2], ms[0][3], ms[1][0], ms[1][1], ms[1][2], ms[1][3]));
                }
                double[][] ms = measureStockLevels(sample);
                report.append(String.format(Locale.ROOT, "  %-23s first read p50 %6.2f p90 %6.2f p99 %6.2f mean %6.2f"
                                + " | again p50 %6.2f p90 %6.2f p99 %6.2f mean %6.2f ms%n", "stock levels",
                        ms[0][0], ms[0][1], ms[0][2], ms[0][3], ms[1][0], ms[1][1], ms[1][2], ms[1][3]));
                if (Boolean.getBoolean("bench.plans")) {
                    UUID unread = unread(owner, template.tenantId(), size - 1, sample);
                    report.append("  the stock levels' statements for a business none of the reads above touched:\n")
                            .append(plans(unread, true));
                    report.append("  plans of the stock levels' statements for one business:\n")
                            .append(plans(sample.getFirst(), false));
                }
                report.append(String.format(Locale.ROOT, "  load average %.2f%n", java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage()));
            }
            long pause = Long.getLong("bench.pause", 0);
            if (pause > 0) {
                Files.writeString(Path.of("target", "scaling-bench.txt"), report);
                System.out.println(report);
                System.out.println("bench paused " + pause + " s: psql -h localhost -p " + postgres.getPort()
                        + " -U postgres comptoir");
                Thread.sleep(pause * 1000);
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "scaling-bench.txt"), report);
        assertThat(made).isEqualTo(SIZES[SIZES.length - 1]);
    }

    /** The template business's rows per table that has a tenant_id. */
    static Map<String, Long> rowsOf(Connection owner, UUID tenant) throws Exception {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : tablesWithTenant(owner)) {
            long n = count(owner, "select count(*) from " + table + " where tenant_id = '" + tenant + "'");
            if (n > 0) {
                rows.put(table, n);
            }
        }
        return rows;
    }

    static List<String> tablesWithTenant(Connection owner) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement s = owner.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                where n.nspname = 'public' and c.relkind = 'r' order by 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * Copies the template business as businesses number {@code from} to {@code to}: every uuid of its rows (its ids,
     * the ids it references, its tenant_id) becomes md5(uuid:number), so the copies reference their own rows; keys
     * and triggers are not checked while copying (session_replication_role = replica, as the superuser).
     */
    static void copy(Connection owner, UUID template, int from, int to, Iterable<String> tables) throws Exception {
        if (to < from) {
            return;
        }
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.execute("""
                    insert into tenants select %s from tenants t cross join generate_series(%d, %d) k
                    where t.id = '%s'""".formatted(columns(owner, "tenants", "t"), from, to, template)
                    .replace("t.slug", "t.slug || '-' || k").replace("t.name", "t.name || ' ' || k"));
            for (String table : tables) {
                s.execute("""
                        insert into %s (%s) select %s from %s t cross join generate_series(%d, %d) k
                        where t.tenant_id = '%s' on conflict do nothing""".formatted(table, names(owner, table),
                        columns(owner, table, "t"), table, from, to, template));
            }
        }
        owner.commit();
        owner.setAutoCommit(true);
    }

    static final String COLUMNS = """
            select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
            where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
              and a.attidentity = '' and not exists (select 1 from pg_attrdef d where d.adrelid = a.attrelid
                  and d.adnum = a.attnum and pg_get_expr(d.adbin, d.adrelid) like 'nextval%')
            order by a.attnum""";

    static String names(Connection owner, String table) throws Exception {
        return String.join(", ", columnList(owner, table, null));
    }

    static String columns(Connection owner, String table, String alias) throws Exception {
        return String.join(", ", columnList(owner, table, alias));
    }

    static List<String> columnList(Connection owner, String table, String alias) throws Exception {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement p = owner.prepareStatement(COLUMNS)) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String name = '"' + rs.getString(1) + '"';
                    if (alias == null) {
                        columns.add(name);
                    } else if ("uuid".equals(rs.getString(2))) {
                        columns.add("md5(" + alias + "." + name + "::text || ':' || k)::uuid");
                    } else {
                        columns.add(alias + "." + name);
                    }
                }
            }
        }
        // the slug and name of tenants are made unique by copy(), which looks for these spellings
        return columns.stream().map(c -> c.replace("t.\"slug\"", "t.slug").replace("t.\"name\"", "t.name")).toList();
    }

    static List<UUID> sample(Connection owner, UUID template, int copies) throws Exception {
        List<UUID> sample = new ArrayList<>();
        try (Statement s = owner.createStatement(); ResultSet rs = s.executeQuery("""
                select md5('%s' || ':' || k)::uuid from generate_series(1, %d) k
                cross join generate_series(1, %d) repeat order by random() limit %d"""
                .formatted(template, copies, SAMPLES / copies + 1, SAMPLES))) {
            while (rs.next()) {
                sample.add(rs.getObject(1, UUID.class));
            }
        }
        return sample;
    }

    /**
     * p50, p90, p99 and mean in ms of the query, once per sampled business (the first read of that business's rows
     * by this query), then the same again (its rows now in PostgreSQL's buffers).
     */
    double[][] measure(String sql, List<UUID> businesses) throws Exception {
        double[][] rounds = new double[2][];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int round = 0; round < 2; round++) {
                double[] ms = new double[businesses.size()];
                rounds[round] = ms;
                for (int i = 0; i < businesses.size(); i++) {
                    long started = System.nanoTime();
                    try (Statement set = c.createStatement()) {
                        set.execute(TenantSettings.setLocal(businesses.get(i), null));
                    }
                    int rows = 0;
                    try (PreparedStatement q = c.prepareStatement(sql)) {
                        q.setObject(1, businesses.get(i));
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                            }
                        }
                    }
                    c.commit();
                    ms[i] = (System.nanoTime() - started) / 1e6;
                    if (rows == 0) {
                        throw new IllegalStateException("no rows for " + businesses.get(i) + ": " + sql);
                    }
                }
            }
        }
        return new double[][] {percentiles(rounds[0]), percentiles(rounds[1])};
    }

    /**
     * The same as {@link #measure} for the stock levels list as the application reads it (API and page: first page
     * of 20, no filter): {@link StockQueries#levels} in its own transaction for the business, so the statements,
     * their parameters and the way the tenant is set are the application's own.
     */
    double[][] measureStockLevels(List<UUID> businesses) {
        double[][] rounds = new double[2][];
        for (int round = 0; round < 2; round++) {
            double[] ms = new double[businesses.size()];
            rounds[round] = ms;
            for (int i = 0; i < businesses.size(); i++) {
                long started = System.nanoTime();
                int rows = tenantContext.callAs(businesses.get(i),
                        () -> stockQueries.levels(StockFilter.none(), 0, 20).items().size());
                ms[i] = (System.nanoTime() - started) / 1e6;
                if (rows == 0) {
                    throw new IllegalStateException("no stock levels for " + businesses.get(i));
                }
            }
        }
        return new double[][] {percentiles(rounds[0]), percentiles(rounds[1])};
    }

    /** A copy of the template that the sample does not hold (its rows were read by no measured query). */
    static UUID unread(Connection owner, UUID template, int copies, List<UUID> sample) throws Exception {
        try (Statement s = owner.createStatement(); ResultSet rs = s.executeQuery(
                "select md5('%s' || ':' || k)::uuid from generate_series(1, %d) k".formatted(template, copies))) {
            while (rs.next()) {
                UUID business = rs.getObject(1, UUID.class);
                if (!sample.contains(business)) {
                    return business;
                }
            }
        }
        return sample.getLast();
    }

    static double[] percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                sorted[(int) (sorted.length * 0.99)], Arrays.stream(ms).average().orElse(0)};
    }

    /**
     * The statements the stock levels list runs (the count and the page of {@code inventory.persistence.LevelReads},
     * then the variants' SKUs and names from {@code catalog.persistence.VariantSummaries}), written out here with
     * their parameters as {@code $n} to be prepared in SQL; and the SQL of the first runs, kept for comparison.
     */
    static final Map<String, String> STOCK_STATEMENTS = new java.util.TreeMap<>(Map.of(
            "count (uuid)", """
                    select count(*) from stock_levels l
                    join stock_locations loc on loc.tenant_id = l.tenant_id and loc.id = l.location_id
                    left join stock_thresholds t on t.tenant_id = l.tenant_id and t.variant_id = l.variant_id
                    where l.tenant_id = $1""",
            "page (uuid, int, bigint)", """
                    select l.*, loc.name as location_name, t.alert_level, t.overstock_level, t.reorder_point,
                           t.reorder_quantity
                    from stock_levels l
                    join stock_locations loc on loc.tenant_id = l.tenant_id and loc.id = l.location_id
                    left join stock_thresholds t on t.tenant_id = l.tenant_id and t.variant_id = l.variant_id
                    where l.tenant_id = $1 order by l.updated_at desc, l.variant_id, loc.name limit $2 offset $3""",
            "variants (uuid, uuid[])", """
                    select v.id, v.product_id, p.name, p.status, v.sku, v.barcode, v.options::text as options, v.price,
                           p.vat_rate, p.unit, v.active, p.options::text as product_options
                    from variants v join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                    where v.tenant_id = $1 and v.deleted_at is null and p.deleted_at is null and v.id = any($2)""",
            "first runs' SQL (uuid)", QUERIES.get("stock levels, SQL of the first runs").replace("?", "$1")));

    /**
     * For each statement of {@link #STOCK_STATEMENTS}, for one business: {@code EXPLAIN (ANALYZE, BUFFERS)} of the
     * statement prepared in SQL and executed 6 times first, as the JDBC driver's server-side prepared statement is
     * (PostgreSQL may then keep a generic plan, {@code $1} in its conditions), and the same with
     * {@code plan_cache_mode = force_custom_plan} (the business's id planned as a constant); the application's role,
     * the business set as the application sets it, row-level security on.
     */
    String plans(UUID business, boolean cold) throws Exception {
        StringBuilder plans = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(TenantSettings.setLocal(business, null));
                List<String> variants = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select variant_id from stock_levels where tenant_id = '" + business
                        + "' order by updated_at desc limit 20")) {
                    while (rs.next()) {
                        variants.add(rs.getString(1));
                    }
                }
                if (cold) {
                    try (ResultSet rs = s.executeQuery("show shared_buffers")) {
                        rs.next();
                        plans.append("    shared_buffers ").append(rs.getString(1)).append('\n');
                    }
                }
                int n = 0;
                for (Map.Entry<String, String> statement : STOCK_STATEMENTS.entrySet()) {
                    String types = statement.getKey().substring(statement.getKey().indexOf('('));
                    String args = switch (types) {
                        case "(uuid, int, bigint)" -> "('" + business + "', 20, 0)";
                        case "(uuid, uuid[])" -> "('" + business + "', '{" + String.join(",", variants) + "}')";
                        default -> "('" + business + "')";
                    };
                    String name = "stock_" + n++;
                    s.execute("prepare " + name + types + " as " + statement.getValue());
                    if (cold) {
                        // first execution for this business: which pages were in PostgreSQL's buffers (hit) and which
                        // were not (read), and the time; the whole plan only for the warm business below
                        plans.append("    ").append(statement.getKey()).append(", first execution:");
                        try (ResultSet rs = s.executeQuery("explain (analyze, buffers, costs off, timing off) execute "
                                + name + args)) {
                            boolean buffers = false;
                            while (rs.next()) {
                                String line = rs.getString(1).strip();
                                boolean total = line.startsWith("Buffers") && !buffers;
                                buffers |= total;
                                if (total || line.startsWith("Execution Time")) {
                                    plans.append(' ').append(line).append(" |");
                                }
                            }
                        }
                        plans.append('\n');
                        s.execute("deallocate " + name);
                        continue;
                    }
                    for (String mode : List.of("auto", "force_custom_plan")) {
                        s.execute("set local plan_cache_mode = " + mode);
                        for (int i = 0; i < 6; i++) {
                            s.execute("execute " + name + args);
                        }
                        plans.append("    ").append(statement.getKey()).append(", plan_cache_mode ").append(mode)
                                .append(" after 6 executions:\n");
                        try (ResultSet rs = s.executeQuery("explain (analyze, buffers) execute " + name + args)) {
                            while (rs.next()) {
                                plans.append("      ").append(rs.getString(1)).append('\n');
                            }
                        }
                    }
                    s.execute("deallocate " + name);
                }
            }
            c.rollback();
        }
        return plans.toString();
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
