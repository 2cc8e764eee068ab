package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.IntegrationTest;

/** The database itself keeps tenants apart in every sales table, even for SQL that forgets to filter. */
@IntegrationTest
class SalesRowLevelSecurityIT {

    private static final List<String> TABLES = List.of("sales_customers", "sales_addresses", "sales_sequences",
            "sales_quotes", "sales_quote_lines", "sales_orders", "sales_order_lines", "sales_order_history",
            "sales_returns", "sales_return_lines");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everySalesTableIsForcedUnderRowLevelSecurity() {
        List<String> protectedTables = jdbc.queryForList("""
                select relname from pg_class where relname = any(?) and relrowsecurity and relforcerowsecurity""",
                String.class, (Object) TABLES.toArray(String[]::new));
        assertThat(protectedTables).containsExactlyInAnyOrderElementsOf(TABLES);
    }

    @Test
    void unfilteredQueriesOnlySeeTheCurrentTenantsSales() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "RLS-SAL", "10.00", 20, 5);
        String customer = shop.customer("Client RLS", "0600000002");
        shop.address(customer, "1 rue", "Lyon");
        shop.call().body(Map.of("customerId", customer, "lines", List.of(Map.of("variantId", pot, "quantity", 1))))
                .post("/api/v1/quotes").then().statusCode(201);
        String order = shop.order(pot, 2).getString("id");
        String line = shop.call().get("/api/v1/orders/" + order).then().extract().path("lines[0].id");
        for (String status : List.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            shop.move(order, status);
        }
        shop.call().body(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1))))
                .post("/api/v1/orders/" + order + "/returns").then().statusCode(201);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        // sales_sequences only keeps the counters of the numbering used before sequences: a new business has none.
        for (String table : TABLES.stream().filter(t -> !t.equals("sales_sequences")).toList()) {
            Long mine = tenantContext.callAs(shop.admin.tenantId(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(mine).as(table).isPositive();
            Long none = tx.execute(s -> jdbc.queryForObject("select count(*) from " + table, Long.class));
            assertThat(none).as(table + " without a tenant").isZero();
            Long other = tenantContext.callAs(UUID.randomUUID(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(other).as(table + " for another tenant").isZero();
        }
    }
}
