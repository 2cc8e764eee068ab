package app.comptoir.inventory;

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

/** The database itself keeps tenants apart in every inventory table, even for SQL that forgets to filter. */
@IntegrationTest
class InventoryRowLevelSecurityIT {

    private static final List<String> TABLES = List.of("stock_locations", "stock_thresholds", "stock_levels",
            "stock_movements", "stock_reservations", "stock_reservation_lines", "stock_alert_rules", "stock_alerts");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everyInventoryTableIsForcedUnderRowLevelSecurity() {
        List<String> protectedTables = jdbc.queryForList("""
                select relname from pg_class where relname = any(?) and relrowsecurity and relforcerowsecurity""",
                String.class, (Object) TABLES.toArray(String[]::new));
        assertThat(protectedTables).containsExactlyInAnyOrderElementsOf(TABLES);
    }

    @Test
    void unfilteredQueriesOnlySeeTheCurrentTenantsStock() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Isolé", "RLS-INV");
        shop.receive(item, 1);
        shop.call().body(Map.of("alertLevel", 5)).put("/api/v1/stocks/" + item).then().statusCode(200);
        shop.call().body(Map.of("lines", List.of(Map.of("variantId", item, "quantity", 1))))
                .post("/api/v1/stocks/reservations").then().statusCode(201);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        for (String table : TABLES) {
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
