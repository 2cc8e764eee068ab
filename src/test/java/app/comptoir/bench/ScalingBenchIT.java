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
            "stock levels", """
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
                report.append("  plan of the stock levels for one business:\n").append(plan(QUERIES.get("stock levels"),
                        sample.getFirst()));
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
                    try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                        set.setString(1, businesses.get(i).toString());
                        set.execute();
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

    static double[] percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                sorted[(int) (sorted.length * 0.99)], Arrays.stream(ms).average().orElse(0)};
    }

    String plan(String sql, UUID business) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, business.toString());
                set.execute();
            }
            try (PreparedStatement q = c.prepareStatement("explain (analyze, costs off) " + sql)) {
                q.setObject(1, business);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        plan.append("    ").append(rs.getString(1)).append('\n');
                    }
                }
            }
            c.commit();
        }
        return plan.toString();
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
