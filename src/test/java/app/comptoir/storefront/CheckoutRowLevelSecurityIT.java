package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** The database keeps businesses apart in the checkout's tables, even for SQL that forgets to filter. */
@IntegrationTest
class CheckoutRowLevelSecurityIT {

    private static final List<String> TABLES = List.of("shop_carts", "shop_settings", "shop_orders");

    @LocalServerPort
    int port;

    @Autowired
    ShopBusinesses shops;

    @Autowired
    ShopperSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TenantContext tenants;

    @Test
    void everyCheckoutTableIsForcedUnderRowLevelSecurity() {
        List<String> forced = jdbc.queryForList("""
                select relname from pg_class where relname = any(?) and relrowsecurity and relforcerowsecurity""",
                String.class, (Object) TABLES.toArray(String[]::new));
        assertThat(forced).containsExactlyInAnyOrderElementsOf(TABLES);
    }

    @Test
    void unfilteredQueriesOnlySeeTheCurrentBusinesssRowsAndWritesForAnotherAreRefused() {
        ShopFixture.Beans beans = new ShopFixture.Beans(shops, sessions, jdbc, tx, tenants);
        ShopFixture shop = ShopFixture.open(port, beans, "Boutique isolée");
        String pot = shop.product("Pot", "POT-R1", 5000, 5);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        Api.as(port, shop.admin).body(Map.of("flatFee", 1000)).put("/api/v1/store-settings").then().statusCode(200);
        Api.as(port, shop.bearer(awa)).body(Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1)),
                        "address", Map.of("line1", "1 rue", "city", "Dakar", "country", "SN")))
                .post("/api/v1/store/" + shop.slug + "/checkout").then().statusCode(201);
        shop.browser().signedIn(awa).post("/shop/" + shop.slug + "/cart/lines", Map.of("variantId", pot, "quantity", "1"));

        for (String table : TABLES) {
            Long mine = tenants.callAs(shop.shop.tenantId(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(mine).as(table).isPositive();
            Long none = tx.execute(s -> jdbc.queryForObject("select count(*) from " + table, Long.class));
            assertThat(none).as(table + " without a tenant").isZero();
            Long other = tenants.callAs(UUID.randomUUID(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(other).as(table + " for another tenant").isZero();
        }
        ShopFixture intruder = ShopFixture.open(port, beans, "Boutique intruse");
        assertThatThrownBy(() -> tenants.callAs(intruder.shop.tenantId(), () -> tx.execute(s -> jdbc.update("""
                insert into shop_settings (id, tenant_id, delivery, created_at, updated_at)
                values (?, ?, '{}'::jsonb, now(), now())""", UUID.randomUUID(), shop.shop.tenantId()))))
                .hasStackTraceContaining("row-level security");
        // another shop's API does not price this shop's variants
        Api.given(port).body(Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1))))
                .post("/api/v1/store/" + intruder.slug + "/cart").then().statusCode(200)
                .body("lines[0].availability", org.hamcrest.Matchers.equalTo("NOT_SOLD"));
    }
}
